"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requestWords } from "@/server/request-locale";
import { z } from "zod";
import type { FormState } from "@/components/action-form";
import { acceptInviteLink, addCheckIn, changePartnership, changeRhythm, createInviteLink, invitePerson } from "@/db/mutations/partners";
import { fail } from "@/lib/action-result";
import { defineAction } from "@/server/action";
import { siteOrigin } from "@/server/request-origin";
import { checkInInputSchema, inviteCodeSchema, partnerChangeSchema, partnerInviteSchema, rhythmInputSchema } from "@/lib/validation/connection";
import { say } from "@/lib/i18n/said";

function refresh(id?: string) {
  revalidatePath("/me/partners");
  if (id) revalidatePath(`/me/partners/${id}`);
  revalidatePath("/");
  revalidatePath("/notifications");
}

/** Makes a member-to-member invite link, shown once. */
export const createInviteLinkAction = defineAction({
  read: (form) => ({ rhythm: form.get("rhythm") ?? undefined, weeklyDay: form.get("weeklyDay") ?? undefined }),
  input: partnerInviteSchema,
  member: true,
  run: async ({ rhythm, weeklyDay }, viewer): Promise<FormState> => {
    const { code } = await createInviteLink(viewer.id, rhythm, weeklyDay);
    refresh();
    const link = `${siteOrigin(await headers())}/me/partners/join?code=${code}`;
    return { ok: true, data: { message: (await requestWords("me.answers"))("inviteLink"), link } };
  },
});

/** Invites someone met at a shared activity; they're told privately. */
export const invitePersonAction = defineAction({
  read: (form) => ({ userId: form.get("userId") ?? undefined, rhythm: form.get("rhythm") ?? undefined, weeklyDay: form.get("weeklyDay") ?? undefined }),
  input: partnerInviteSchema.required({ userId: true }),
  invalid: () => fail("invalid_input", say("errors.action.choosePersonMet")),
  member: true,
  run: async ({ userId, rhythm, weeklyDay }, viewer): Promise<FormState> => {
    const result = await invitePerson(viewer.id, userId, rhythm, weeklyDay);
    if (!result.ok) return result;
    refresh();
    return { ok: true, data: { message: (await requestWords("me.answers"))("inviteSent") } };
  },
});

/** Accepts an invite link's invitation. */
export const acceptInviteLinkAction = defineAction({
  find: { code: inviteCodeSchema },
  missing: () => say("errors.action.inviteUsed"),
  member: true,
  run: async (_input, viewer, { code }): Promise<FormState> => {
    const result = await acceptInviteLink(viewer.id, code);
    if (!result.ok) return result;
    refresh(result.data.id);
    // The invite is used up, so its page has nothing left to show: go to the pair's page.
    redirect(`/me/partners/${result.data.id}?welcome=1`);
  },
});

/** The pair acted on, named by the form; the mutation checks the viewer is one of the two. */
const partnership = { find: { partnershipId: z.uuid() }, missing: () => say("errors.action.partnershipMissing"), member: true } as const;

/** Accept, decline, pause, resume or end — at once, no reason asked. */
export const changePartnershipAction = defineAction({
  ...partnership,
  read: (form) => ({ action: form.get("change") }),
  input: partnerChangeSchema,
  run: async ({ action }, viewer, { partnershipId }): Promise<FormState> => {
    const result = await changePartnership(viewer.id, partnershipId, action);
    if (!result.ok) return result;
    refresh(partnershipId);
    return { ok: true, data: { message: (await requestWords("me.answers"))(`changed.${action}`) } };
  },
});

/** Changes the pair's rhythm. */
export const changeRhythmAction = defineAction({
  ...partnership,
  read: (form) => ({ rhythm: form.get("rhythm"), weeklyDay: form.get("weeklyDay") ?? undefined }),
  input: rhythmInputSchema,
  run: async ({ rhythm, weeklyDay }, viewer, { partnershipId }): Promise<FormState> => {
    const result = await changeRhythm(viewer.id, partnershipId, rhythm, weeklyDay);
    if (!result.ok) return result;
    refresh(partnershipId);
    return { ok: true, data: { message: (await requestWords("me.answers"))("rhythmChanged") } };
  },
});

/** A short check-in with mood and energy, seen by the pair alone. */
export const addCheckInAction = defineAction({
  ...partnership,
  read: (form) => ({ note: form.get("note"), mood: form.get("mood"), energy: form.get("energy") }),
  input: checkInInputSchema,
  invalid: () => say("errors.action.checkCheckIn"),
  run: async (checkIn, viewer, { partnershipId }): Promise<FormState> => {
    const result = await addCheckIn(viewer.id, partnershipId, checkIn);
    if (!result.ok) return result;
    refresh(partnershipId);
    revalidatePath("/me", "layout");
    return { ok: true, data: { message: (await requestWords("me.answers"))("checkedIn") } };
  },
});
