"use server";

import { z } from "zod";
import { remindActivityNow } from "@/db/jobs/reminders";
import { devMailboxEnabled } from "@/lib/env";
import { defineFormAction } from "@/server/action";

/**
 * The development mailbox's button: an activity's day-before reminder, sent now rather than at
 * 18:00 the evening before, to try the reminder and its links. Only where the mailbox itself is
 * served (never in production unless DEV_MAILBOX=on).
 */
export const remindActivityNowAction = defineFormAction({
  find: { activityId: z.uuid() },
  run: async (_input, _viewer, { activityId }) => {
    if (!devMailboxEnabled()) return;
    await remindActivityNow(activityId);
  },
});
