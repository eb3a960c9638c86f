"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { holdStandingPlace, skipOccurrence, stepBackFromSeries } from "@/db/mutations/standing-places";
import type { ActionResult } from "@/lib/action-result";
import { defineAction } from "@/server/action";
import { recordIdSchema } from "@/lib/validation/ids";

export type StandingActionState = ActionResult<{ message: string }> | null;

const intentSchema = z.enum(["hold", "resume", "pause", "release", "skip"], { error: "Choose what to do with your standing place." });

const done: Record<z.infer<typeof intentSchema>, string> = {
  hold: "You hold a standing place. You have a place on every upcoming occurrence.",
  resume: "Welcome back. Your standing place is active again.",
  pause: "Paused. Your upcoming places have gone to others; resume whenever you like.",
  release: "You've let go of your standing place.",
  skip: "Skipped. Your place this time has gone to the next person waiting.",
};

const SKIPPED_OPEN = "Skipped. Your place this time is open for someone else to take.";
const SKIPPED_WAITING = "Skipped. You've left the waitlist for this one.";

/** Hold, pause, resume or release a standing place on a series, or skip one occurrence. */
export const standingPlaceAction = defineAction({
  bound: ["activityId", "seriesId"],
  find: { activityId: recordIdSchema, seriesId: recordIdSchema },
  read: (form) => form.get("intent"),
  input: intentSchema,
  member: true,
  run: async (intent, viewer, { activityId, seriesId }): Promise<StandingActionState> => {
    const result =
      intent === "hold" || intent === "resume"
        ? await holdStandingPlace(viewer, seriesId)
        : intent === "skip"
          ? await skipOccurrence(viewer, activityId)
          : await stepBackFromSeries(viewer, seriesId, intent);
    if (!result.ok) return result;
    revalidatePath("/activities", "layout");
    if (intent === "skip" && "passedOn" in result.data && !result.data.passedOn) {
      return { ok: true, data: { message: result.data.freedPlace ? SKIPPED_OPEN : SKIPPED_WAITING } };
    }
    return { ok: true, data: { message: done[intent] } };
  },
});
