"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { leaveActivitySlot, takeActivitySlot, type SlotResult } from "@/db/mutations/slots";
import { type ActionResult, fail } from "@/lib/action-result";
import { defineAction } from "@/server/action";
import { say } from "@/lib/i18n/said";
import { requestWords } from "@/server/request-locale";

export type SlotActionState = ActionResult<{ message: string }> | null;

/** The activity and the slot, named by the form's fields; the mutation checks the slot is that activity's. */
const slot = {
  find: { activityId: z.uuid(), slotId: z.uuid() },
  missing: () => say("errors.action.slotMissing"),
  member: () => say("errors.action.signInToTakeSlot"),
  limit: "rsvpMember",
} as const;

/** What taking or leaving did, in the page's language (lib/validation/slots.ts words it for the API). */
async function resultMessage(state: { status: "going" | "waitlisted" | "none"; position?: number; label: string }, changed: boolean, leaving: boolean, activityGoing: boolean): Promise<string> {
  const t = await requestWords("activity.actions.slot");
  const label = state.label;
  if (leaving) return !changed ? t("notIn", { label }) : t(activityGoing ? "left" : "leftActivity", { label });
  if (state.status === "waitlisted") return t("waiting", { label, position: state.position ?? "?" });
  return t(changed ? "in" : "alreadyIn", { label });
}

async function answer(activityId: string, result: SlotResult, leaving: boolean): Promise<SlotActionState> {
  if (!result.ok) return fail(result.code === "try_again" ? "try_again" : result.code === "not_found" ? "not_found" : result.code === "forbidden" ? "forbidden" : "closed", result.message);
  if (result.changed) {
    revalidatePath(`/activities/${activityId}`);
    revalidatePath("/notifications");
  }
  return { ok: true, data: { message: await resultMessage(result.state, result.changed, leaving, result.activityGoing) } };
}

/** Takes a place in one time slot (or a place in its line when it is full). */
export const takeSlotAction = defineAction({
  ...slot,
  run: async (_input, viewer, { activityId, slotId }): Promise<SlotActionState> => answer(activityId, await takeActivitySlot({ activityId, slotId, userId: viewer.id }), false),
});

/** Leaves one time slot; a freed place goes to the first person waiting for it. */
export const leaveSlotAction = defineAction({
  ...slot,
  run: async (_input, viewer, { activityId, slotId }): Promise<SlotActionState> => answer(activityId, await leaveActivitySlot({ activityId, slotId, userId: viewer.id }), true),
});
