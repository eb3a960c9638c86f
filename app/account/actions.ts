"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { requestWords } from "@/server/request-locale";
import { z } from "zod";
import { setListedAsGoing } from "@/db/mutations/account-privacy";
import { createApiToken, revokeApiToken } from "@/db/mutations/api-tokens";
import { createCalendarFeed, renewCalendarFeed, revokeCalendarFeed } from "@/db/mutations/calendar-feeds";
import { saveEmailPreferences } from "@/db/mutations/email";
import { optionalEmailTypes } from "@/lib/email/types";
import { siteOrigin } from "@/server/request-origin";
import { type ActionResult, fail } from "@/lib/action-result";
import type { PasswordFormState } from "@/components/password-form";
import { changePassword } from "@/db/mutations/passwords";
import { defineAction } from "@/server/action";
import { signIn, signOut } from "@/server/auth/config";
import { checkCredentials } from "@/server/auth/credentials";
import { clientAddress } from "@/server/client-address";
import { hashPassword } from "@/lib/passwords";
import { tryAgainIn } from "@/lib/rate-limits";
import { newPasswordSchema } from "@/lib/validation/auth";
import { createTokenSchema, privacySchema } from "@/lib/validation/rsvp";
import { deleteAccount } from "@/db/mutations/account-deletion";
import { updateProfile } from "@/db/mutations/profile";
import { deleteAccountSchema, profileSchema } from "@/lib/validation/account";
import type { ProfileValues } from "./profile-form";
import { say, words } from "@/lib/i18n/said";

export type PrivacyState = ActionResult<{ message: string }> | null;
export type TokenState = ActionResult<{ message: string; token?: string }> | null;
export type ProfileState = (ActionResult<{ message: string }> & { values?: ProfileValues }) | null;

/** The member's name, bio and neighbourhood; what was typed comes back with any error. */
export const updateProfileAction = defineAction({
  read: (form): ProfileValues => {
    const text = (name: string) => String(form.get(name) ?? "").slice(0, 2000);
    return { name: text("name"), bio: text("bio"), neighbourhood: text("neighbourhood") };
  },
  input: profileSchema,
  keep: (values) => ({ values }),
  member: () => say("errors.action.sessionEndedKept"),
  run: async (profile, viewer): Promise<ProfileState> => {
    const saved = await updateProfile(viewer.id, profile);
    revalidatePath("/", "layout");
    return { ok: true, data: { message: (await requestWords("account.answers"))("profileSaved") }, values: { name: saved.name, bio: saved.bio, neighbourhood: saved.neighbourhood ?? "" } };
  },
});

/** The "show my name on who's-going lists" choice. */
export const updatePrivacyAction = defineAction({
  read: (form) => ({ listedAsGoing: form.get("listedAsGoing") ?? undefined }),
  input: privacySchema,
  member: true,
  run: async ({ listedAsGoing }, viewer): Promise<PrivacyState> => {
    await setListedAsGoing(viewer.id, listedAsGoing);
    revalidatePath("/account");
    revalidatePath("/activities", "layout");
    return {
      ok: true,
      data: { message: (await requestWords("account.answers"))(listedAsGoing ? "listed" : "notListed") },
    };
  },
});

/** Creates a personal access token; the token is returned once and never shown again. */
export const createTokenAction = defineAction({
  read: (form) => ({ name: form.get("name") }),
  input: createTokenSchema,
  member: true,
  limit: "apiTokenMember",
  run: async ({ name }, viewer): Promise<TokenState> => {
    const created = await createApiToken(viewer.id, name);
    revalidatePath("/account");
    return { ok: true, data: { message: (await requestWords("account.answers"))("tokenCreated", { name: created.name }), token: created.token } };
  },
});

/** Revokes one of the member's tokens; it stops working at once. */
export const revokeTokenAction = defineAction({
  find: { tokenId: z.uuid() },
  missing: () => say("errors.action.tokenMissing"),
  member: true,
  run: async (_input, viewer, { tokenId }): Promise<TokenState> => {
    const t = await requestWords("account.answers");
    if (!(await revokeApiToken(viewer.id, tokenId))) return fail("not_found", t("tokenGone"));
    revalidatePath("/account");
    return { ok: true, data: { message: t("tokenRevoked") } };
  },
});

export type EmailPrefsState = ActionResult<{ message: string }> | null;

/** The "which emails do I get" choices: a ticked box per kind means on. */
export const saveEmailPreferencesAction = defineAction({
  read: (form) => form.getAll("email").filter((v): v is string => typeof v === "string"),
  input: z.array(z.enum(optionalEmailTypes)),
  invalid: () => fail("invalid_input", say("errors.action.chooseEmailKinds")),
  member: true,
  run: async (enabled, viewer): Promise<EmailPrefsState> => {
    await saveEmailPreferences(viewer.id, enabled);
    revalidatePath("/account");
    return { ok: true, data: { message: (await requestWords("account.answers"))(enabled.length ? "emailsSaved" : "noEmailsSaved") } };
  },
});

/** `feed` names the address shown (which feed, made when), so the page stops showing it once it is replaced. */
export type FeedState = ActionResult<{ message: string; url?: string; webcal?: string; feed?: FeedAddress }> | null;
export type FeedAddress = { id: string; madeAt: string };

const feedGroupSchema = z.union([z.literal(""), z.uuid()]);

async function feedUrls(token: string) {
  const origin = siteOrigin(await headers());
  const url = `${origin}/feeds/${token}.ics`;
  return { url, webcal: url.replace(/^https?:\/\//, "webcal://") };
}

/** Makes a private calendar feed (mine, or a group's I belong to); its address is shown once. */
export const createFeedAction = defineAction({
  read: (form) => form.get("groupId") ?? "",
  input: feedGroupSchema,
  invalid: () => fail("invalid_input", say("errors.action.chooseFeedSource")),
  member: true,
  run: async (groupId, viewer): Promise<FeedState> => {
    const created = await createCalendarFeed(viewer.id, groupId || null);
    if (!created.ok) return fail("not_found", created.message);
    revalidatePath("/account");
    return { ok: true, data: { message: (await requestWords("account.answers"))("feedReady"), ...(await feedUrls(created.token)), feed: { id: created.id, madeAt: created.madeAt.toISOString() } } };
  },
});

/** A feed of the member's, named by the form; one that is not well formed is not found. */
const feed = { find: { feedId: z.uuid() }, missing: () => say("errors.action.feedMissing"), member: true } as const;

/** Revokes a feed: its address is a 404 from now on. */
export const revokeFeedAction = defineAction({
  ...feed,
  run: async (_input, viewer, { feedId }): Promise<FeedState> => {
    const t = await requestWords("account.answers");
    if (!(await revokeCalendarFeed(viewer.id, feedId))) return fail("not_found", t("feedGone"));
    revalidatePath("/account");
    return { ok: true, data: { message: t("feedRevoked") } };
  },
});

/** Replaces a feed's address with a new one; the old one stops working at once. */
export const renewFeedAction = defineAction({
  ...feed,
  run: async (_input, viewer, { feedId }): Promise<FeedState> => {
    const renewed = await renewCalendarFeed(viewer.id, feedId);
    if (!renewed.ok) return fail("not_found", renewed.message);
    revalidatePath("/account");
    return { ok: true, data: { message: (await requestWords("account.answers"))("feedRenewed"), ...(await feedUrls(renewed.token)), feed: { id: renewed.id, madeAt: renewed.madeAt.toISOString() } } };
  },
});

const changePasswordSchema = z.object({
  currentPassword: z.string(words("errors.action.enterCurrentPassword")).min(1, words("errors.action.enterCurrentPassword")).max(200),
  newPassword: newPasswordSchema,
});

/**
 * Changes the password after checking the current one. Every other session and every API
 * token stops working at once; this browser is signed in again with the new password.
 */
export const changePasswordAction = defineAction({
  read: (form) => ({ currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword") }),
  input: changePasswordSchema,
  member: true,
  run: async ({ currentPassword, newPassword }, viewer): Promise<PasswordFormState> => {
    const t = await requestWords("account.answers");
    const checked = await checkCredentials({ email: viewer.email, password: currentPassword }, clientAddress(await headers()));
    if (!checked.ok && checked.reason === "rate_limited") return fail("rate_limited", t("tooManyTries", { when: tryAgainIn(checked.retryAfterSeconds) }));
    if (!checked.ok) return { ok: false, code: "invalid_input", message: t("notCurrentPassword"), fieldErrors: { currentPassword: t("notCurrentPassword") } };
    await changePassword(viewer.id, await hashPassword(newPassword));
    await signIn("credentials", { email: viewer.email, password: newPassword, redirectTo: "/account?password=changed" });
    return { ok: true, data: { message: t("passwordChanged") } };
  },
});

/**
 * Deletes the account after checking the password (rate-limited as signing in is). Refused
 * while the member owns a group. Every session ends with the account; this browser's cookie
 * is cleared too, and the member lands on a page that says it is done.
 */
export const deleteAccountAction = defineAction({
  read: (form) => ({ password: form.get("password") }),
  input: deleteAccountSchema,
  invalid: () => say("errors.action.enterPasswordToConfirm"),
  member: true,
  run: async ({ password }, viewer): Promise<PasswordFormState> => {
    const t = await requestWords("account.answers");
    const checked = await checkCredentials({ email: viewer.email, password }, clientAddress(await headers()));
    if (!checked.ok && checked.reason === "rate_limited") return fail("rate_limited", t("tooManyTries", { when: tryAgainIn(checked.retryAfterSeconds) }));
    if (!checked.ok) return { ok: false, code: "invalid_input", message: t("wrongPasswordNothingDeleted"), fieldErrors: { password: t("wrongPassword") } };
    const result = await deleteAccount(viewer.id);
    if (!result.ok && result.code === "owns_groups") {
      return fail("conflict", t("ownsGroups", { groups: result.groups.map((g) => g.name).join(", "), count: result.groups.length }));
    }
    if (!result.ok) return fail("not_found", t("accountGone"));
    await signOut({ redirectTo: "/account/deleted" });
    return { ok: true, data: { message: t("accountDeleted") } };
  },
});
