"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setActivitySlots } from "@/db/mutations/slots";
import { getActivityAccess } from "@/db/queries/rsvps";
import { type ActionResult, fail } from "@/lib/action-result";
import { parseSlotLines, slotsFormSchema } from "@/lib/validation/slots";
import { defineAction } from "@/server/action";
import { say } from "@/lib/i18n/said";
import { requestWords } from "@/server/request-locale";

/** The outcome, and on a refusal the lines as typed, so the form shows them again. */
export type SlotsFormState = (ActionResult<{ message: string }> & { text?: string }) | null;

const refused = async (message: string, text: string): Promise<SlotsFormState> => ({ ok: false, code: "invalid_input", message: (await requestWords("organize.done"))("slotsRefused"), fieldErrors: { slots: message }, text });

/** Sets an activity's time slots from the organizer's lines: one slot a line, with its places. */
export const setSlotsAction = defineAction({
  find: { activityId: z.uuid() },
  missing: () => say("errors.action.activityMissing"),
  read: (form) => ({ slots: form.get("slots") ?? "" }),
  input: slotsFormSchema,
  keep: (raw) => ({ text: typeof raw.slots === "string" ? raw.slots : "" }),
  member: true,
  run: async ({ slots: text }, viewer, { activityId }): Promise<SlotsFormState> => {
    const access = await getActivityAccess(activityId, viewer.id);
    if (!access) return fail("not_found", say("errors.action.activityMissing"));
    if (!access.isOrganizer) return fail("forbidden", say("errors.refusals.slots.onlyGroupsOrganizersChange"));
    const parsed = parseSlotLines(text, { startsAt: access.startsAt, endsAt: access.endsAt, timezone: access.timezone });
    if (!parsed.ok) return refused(parsed.message, text);
    const result = await setActivitySlots({ activityId, actorId: viewer.id, slots: parsed.slots });
    if (!result.ok) {
      if (result.code === "invalid") return refused(result.message, text);
      return { ...fail(result.code === "try_again" ? "try_again" : result.code === "not_found" ? "not_found" : result.code === "forbidden" ? "forbidden" : "closed", result.message), text };
    }
    revalidatePath(`/activities/${activityId}/organize`);
    revalidatePath(`/activities/${activityId}`);
    const t = await requestWords("organize.done");
    return { ok: true, data: { message: t("slotsSaved", { count: parsed.slots.length }) } };
  },
});
