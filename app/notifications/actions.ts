"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { markAllNotificationsRead, markNotificationsRead } from "@/db/mutations/notifications";
import { defineFormAction } from "@/server/action";
import { getViewer } from "@/server/auth/session";

/** Marks one notification read (only the member's own; others' ids change nothing). */
export const markNotificationReadAction = defineFormAction({
  find: { id: z.uuid() },
  member: true,
  run: async (_input, viewer, { id }) => {
    await markNotificationsRead(viewer.id, [id]);
    // The header's unread count is on every page, so the whole layout is refreshed.
    revalidatePath("/", "layout");
  },
});

/** Marks all of the member's notifications read. */
export async function markAllNotificationsReadAction(): Promise<void> {
  const viewer = await getViewer();
  if (!viewer) return;
  await markAllNotificationsRead(viewer.id);
  // The header's unread count is on every page, so the whole layout is refreshed.
  revalidatePath("/", "layout");
}
