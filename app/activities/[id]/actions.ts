"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { submitRsvp, withdrawRsvp, type RsvpResult, type RsvpState } from "@/db/mutations/rsvps";
import { type ActionResult, fail, invalid, isFormData, unreadableForm } from "@/lib/action-result";
import { getViewer } from "@/server/auth/session";
import { memberLimitMessage } from "@/lib/rate-limits";
import { limitMember } from "@/db/mutations/rate-limits";
import { rsvpFormSchema, rsvpStateMessage } from "@/lib/validation/rsvp";

export type RsvpActionState = ActionResult<{ state: RsvpState; message: string }> | null;

const activityIdSchema = z.uuid({ error: "That activity doesn't exist." });

function answer(activityId: string, result: RsvpResult): RsvpActionState {
  if (!result.ok) {
    const code = result.code === "try_again" ? "try_again" : result.code === "not_found" ? "not_found" : result.code === "forbidden" ? "forbidden" : "closed";
    return fail(code, result.message);
  }
  if (result.changed) {
    revalidatePath(`/activities/${activityId}`);
    revalidatePath("/notifications");
  }
  return { ok: true, data: { state: result.state, message: rsvpStateMessage(result.state, result.changed) } };
}

/** "Going", "I'll try" or "Not this time", with the go-together and greeter choices. */
export async function rsvpToActivityAction(_prev: RsvpActionState, formData: FormData): Promise<RsvpActionState> {
  if (!isFormData(formData)) return unreadableForm();
  const id = activityIdSchema.safeParse(formData.get("activityId"));
  if (!id.success) return fail("not_found", "We couldn't find that activity.");
  const parsed = rsvpFormSchema.safeParse({
    status: formData.get("status"),
    goTogether: formData.get("goTogether") ?? undefined,
    offersToGreet: formData.get("offersToGreet") ?? undefined,
  });
  if (!parsed.success) return invalid(parsed.error, "Choose Going, I'll try or Not this time.");
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in to RSVP.");
  const limit = await limitMember("rsvpMember", viewer.id);
  if (!limit.allowed) return fail("rate_limited", memberLimitMessage("rsvpMember", limit.retryAfterSeconds));
  return answer(id.data, await submitRsvp({ activityId: id.data, userId: viewer.id, ...parsed.data }));
}

/** Withdraws the member's RSVP; a freed place goes to the first person waiting. */
export async function withdrawRsvpAction(_prev: RsvpActionState, formData: FormData): Promise<RsvpActionState> {
  if (!isFormData(formData)) return unreadableForm();
  const id = activityIdSchema.safeParse(formData.get("activityId"));
  if (!id.success) return fail("not_found", "We couldn't find that activity.");
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in first.");
  const limit = await limitMember("rsvpMember", viewer.id);
  if (!limit.allowed) return fail("rate_limited", memberLimitMessage("rsvpMember", limit.retryAfterSeconds));
  const result = await withdrawRsvp({ activityId: id.data, userId: viewer.id });
  const out = answer(id.data, result);
  return out?.ok ? { ok: true, data: { state: out.data.state, message: "Your RSVP is withdrawn. Thanks for letting us know." } } : out;
}
