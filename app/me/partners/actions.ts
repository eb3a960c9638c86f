"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/components/action-form";
import { acceptInviteLink, addCheckIn, changePartnership, changeRhythm, createInviteLink, invitePerson } from "@/db/mutations/partners";
import { fail, invalid, isFormData, unreadableForm } from "@/lib/action-result";
import { getViewer } from "@/server/auth/session";
import { siteOrigin } from "@/server/request-origin";
import { checkInInputSchema, inviteCodeSchema, partnerChangeSchema, partnerInviteSchema, rhythmInputSchema } from "@/lib/validation/connection";

const idSchema = z.uuid();
const SIGN_IN = "Please sign in first.";

function refresh(id?: string) {
  revalidatePath("/me/partners");
  if (id) revalidatePath(`/me/partners/${id}`);
  revalidatePath("/");
  revalidatePath("/notifications");
}

/** Makes a member-to-member invite link, shown once. */
export async function createInviteLinkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!isFormData(formData)) return unreadableForm();
  const parsed = partnerInviteSchema.safeParse({ rhythm: formData.get("rhythm") ?? undefined, weeklyDay: formData.get("weeklyDay") ?? undefined });
  if (!parsed.success) return invalid(parsed.error);
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", SIGN_IN);
  const { code } = await createInviteLink(viewer.id, parsed.data.rhythm, parsed.data.weeklyDay);
  refresh();
  const link = `${siteOrigin(await headers())}/me/partners/join?code=${code}`;
  return { ok: true, data: { message: "Here's your invite link. Send it to one person you'd like to check in with; it works once. Copy it now — it won't be shown again.", link } };
}

/** Invites someone met at a shared activity; they're told privately. */
export async function invitePersonAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!isFormData(formData)) return unreadableForm();
  const parsed = partnerInviteSchema.safeParse({ userId: formData.get("userId") ?? undefined, rhythm: formData.get("rhythm") ?? undefined, weeklyDay: formData.get("weeklyDay") ?? undefined });
  if (!parsed.success || !parsed.data.userId) return fail("invalid_input", "Choose someone you've been to an activity with.");
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", SIGN_IN);
  const result = await invitePerson(viewer.id, parsed.data.userId, parsed.data.rhythm, parsed.data.weeklyDay);
  if (!result.ok) return result;
  refresh();
  return { ok: true, data: { message: "Invite sent. They can accept or decline — no reason needed either way." } };
}

/** Accepts an invite link's invitation. */
export async function acceptInviteLinkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!isFormData(formData)) return unreadableForm();
  const code = inviteCodeSchema.safeParse(formData.get("code"));
  if (!code.success) return fail("not_found", "That invite link has been used or withdrawn. Ask for a new one if you'd like.");
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", SIGN_IN);
  const result = await acceptInviteLink(viewer.id, code.data);
  if (!result.ok) return result;
  refresh(result.data.id);
  // The invite is used up, so its page has nothing left to show: go to the pair's page.
  redirect(`/me/partners/${result.data.id}?welcome=1`);
}

const CHANGE_WORDS = {
  accept: "Accepted. You're check-in partners now.",
  decline: "Declined. Nobody is told; the invite simply goes away.",
  pause: "Paused. They've been told, kindly. Pick it up again whenever you like.",
  resume: "Picked up again. They've been told.",
  end: "Ended. They've been told, kindly. Your history stays with you both.",
} as const;

/** Accept, decline, pause, resume or end — at once, no reason asked. */
export async function changePartnershipAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!isFormData(formData)) return unreadableForm();
  const id = idSchema.safeParse(formData.get("partnershipId"));
  if (!id.success) return fail("not_found", "We couldn't find that partnership.");
  const parsed = partnerChangeSchema.safeParse({ action: formData.get("change") });
  if (!parsed.success) return invalid(parsed.error);
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", SIGN_IN);
  const result = await changePartnership(viewer.id, id.data, parsed.data.action);
  if (!result.ok) return result;
  refresh(id.data);
  return { ok: true, data: { message: CHANGE_WORDS[parsed.data.action] } };
}

/** Changes the pair's rhythm. */
export async function changeRhythmAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!isFormData(formData)) return unreadableForm();
  const id = idSchema.safeParse(formData.get("partnershipId"));
  if (!id.success) return fail("not_found", "We couldn't find that partnership.");
  const parsed = rhythmInputSchema.safeParse({ rhythm: formData.get("rhythm"), weeklyDay: formData.get("weeklyDay") ?? undefined });
  if (!parsed.success) return invalid(parsed.error);
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", SIGN_IN);
  const result = await changeRhythm(viewer.id, id.data, parsed.data.rhythm, parsed.data.weeklyDay);
  if (!result.ok) return result;
  refresh(id.data);
  return { ok: true, data: { message: "Rhythm changed. They've been told." } };
}

/** A short check-in with mood and energy, seen by the pair alone. */
export async function addCheckInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!isFormData(formData)) return unreadableForm();
  const id = idSchema.safeParse(formData.get("partnershipId"));
  if (!id.success) return fail("not_found", "We couldn't find that partnership.");
  const parsed = checkInInputSchema.safeParse({ note: formData.get("note"), mood: formData.get("mood"), energy: formData.get("energy") });
  if (!parsed.success) return invalid(parsed.error, "Your check-in needs another look.");
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", SIGN_IN);
  const result = await addCheckIn(viewer.id, id.data, parsed.data);
  if (!result.ok) return result;
  refresh(id.data);
  revalidatePath("/me", "layout");
  return { ok: true, data: { message: "Checked in. Thank you for keeping in touch." } };
}
