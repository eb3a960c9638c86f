"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { holdStandingPlace, skipOccurrence, stepBackFromSeries } from "@/db/mutations/standing-places";
import type { ActionResult } from "@/lib/action-result";
import { defineAction } from "@/server/action";
import { recordIdSchema } from "@/lib/validation/ids";
import { words } from "@/lib/i18n/said";
import { requestWords } from "@/server/request-locale";

export type StandingActionState = ActionResult<{ message: string }> | null;

const intentSchema = z.enum(["hold", "resume", "pause", "release", "skip"], words("errors.action.chooseStandingIntent"));

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
    // Each intent's message is a key of the "activity" catalog's actions.standing.
    const t = await requestWords("activity.actions.standing");
    if (intent === "skip" && "passedOn" in result.data && !result.data.passedOn) {
      return { ok: true, data: { message: t(result.data.freedPlace ? "skippedOpen" : "skippedWaiting") } };
    }
    return { ok: true, data: { message: t(intent) } };
  },
});
