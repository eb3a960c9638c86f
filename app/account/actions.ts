"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { setListedAsGoing } from "@/db/mutations/account-privacy";
import { createApiToken, revokeApiToken } from "@/db/mutations/api-tokens";
import { createCalendarFeed, renewCalendarFeed, revokeCalendarFeed } from "@/db/mutations/calendar-feeds";
import { saveEmailPreferences } from "@/db/mutations/email";
import { optionalEmailTypes, type EmailType } from "@/lib/email/types";
import { siteOrigin } from "@/server/request-origin";
import { type ActionResult, fail, invalid, isFormData, unreadableForm } from "@/lib/action-result";
import type { PasswordFormState } from "@/components/password-form";
import { changePassword } from "@/db/mutations/passwords";
import { signIn, signOut } from "@/server/auth/config";
import { checkCredentials } from "@/server/auth/credentials";
import { getViewer } from "@/server/auth/session";
import { clientAddress } from "@/server/client-address";
import { hashPassword } from "@/lib/passwords";
import { tryAgainIn } from "@/lib/rate-limits";
import { limitMember } from "@/db/mutations/rate-limits";
import { newPasswordSchema } from "@/lib/validation/auth";
import { memberLimitMessage } from "@/lib/rate-limits";
import { createTokenSchema, privacySchema } from "@/lib/validation/rsvp";
import { deleteAccount } from "@/db/mutations/account-deletion";
import { updateProfile } from "@/db/mutations/profile";
import { deleteAccountSchema, profileSchema } from "@/lib/validation/account";
import type { ProfileValues } from "./profile-form";

export type PrivacyState = ActionResult<{ message: string }> | null;
export type TokenState = ActionResult<{ message: string; token?: string }> | null;
export type ProfileState = (ActionResult<{ message: string }> & { values?: ProfileValues }) | null;

/** The member's name, bio and neighbourhood; what was typed comes back with any error. */
export async function updateProfileAction(_prev: ProfileState, formData: FormData): Promise<ProfileState> {
  if (!isFormData(formData)) return unreadableForm();
  const text = (name: string) => String(formData.get(name) ?? "").slice(0, 2000);
  const values: ProfileValues = { name: text("name"), bio: text("bio"), neighbourhood: text("neighbourhood") };
  const parsed = profileSchema.safeParse(values);
  if (!parsed.success) return { ...invalid(parsed.error), values };
  const viewer = await getViewer();
  if (!viewer) return { ...fail("unauthenticated", "Your session has ended. Sign in again; what you typed is kept here."), values };
  const saved = await updateProfile(viewer.id, parsed.data);
  revalidatePath("/", "layout");
  return { ok: true, data: { message: "Saved. This is how other members see you now." }, values: { name: saved.name, bio: saved.bio, neighbourhood: saved.neighbourhood ?? "" } };
}

/** The "show my name on who's-going lists" choice. */
export async function updatePrivacyAction(_prev: PrivacyState, formData: FormData): Promise<PrivacyState> {
  if (!isFormData(formData)) return unreadableForm();
  const parsed = privacySchema.safeParse({ listedAsGoing: formData.get("listedAsGoing") ?? undefined });
  if (!parsed.success) return invalid(parsed.error);
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in first.");
  await setListedAsGoing(viewer.id, parsed.data.listedAsGoing);
  revalidatePath("/account");
  revalidatePath("/activities", "layout");
  return {
    ok: true,
    data: { message: parsed.data.listedAsGoing ? "Saved. Signed-in members can see your name on who's-going lists." : "Saved. Your name stays off who's-going lists; you're counted, not named." },
  };
}

/** Creates a personal access token; the token is returned once and never shown again. */
export async function createTokenAction(_prev: TokenState, formData: FormData): Promise<TokenState> {
  if (!isFormData(formData)) return unreadableForm();
  const parsed = createTokenSchema.safeParse({ name: formData.get("name") });
  if (!parsed.success) return invalid(parsed.error);
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in first.");
  const limit = await limitMember("apiTokenMember", viewer.id);
  if (!limit.allowed) return fail("rate_limited", memberLimitMessage("apiTokenMember", limit.retryAfterSeconds));
  const created = await createApiToken(viewer.id, parsed.data.name);
  revalidatePath("/account");
  return { ok: true, data: { message: `Token “${created.name}” created. Copy it now — it won't be shown again.`, token: created.token } };
}

const tokenIdSchema = z.uuid();

/** Revokes one of the member's tokens; it stops working at once. */
export async function revokeTokenAction(_prev: TokenState, formData: FormData): Promise<TokenState> {
  if (!isFormData(formData)) return unreadableForm();
  const id = tokenIdSchema.safeParse(formData.get("tokenId"));
  if (!id.success) return fail("not_found", "That token doesn't exist.");
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in first.");
  if (!(await revokeApiToken(viewer.id, id.data))) return fail("not_found", "That token is already revoked or doesn't exist.");
  revalidatePath("/account");
  return { ok: true, data: { message: "Token revoked. Anything using it can no longer get in." } };
}

export type EmailPrefsState = ActionResult<{ message: string }> | null;

/** The "which emails do I get" choices: a ticked box per kind means on. */
export async function saveEmailPreferencesAction(_prev: EmailPrefsState, formData: FormData): Promise<EmailPrefsState> {
  if (!isFormData(formData)) return unreadableForm();
  const enabled = formData.getAll("email").filter((v): v is string => typeof v === "string");
  const unknown = enabled.find((v) => !(optionalEmailTypes as string[]).includes(v));
  if (unknown) return fail("invalid_input", "Please choose from the kinds of email listed.");
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in first.");
  await saveEmailPreferences(viewer.id, enabled as EmailType[]);
  revalidatePath("/account");
  return { ok: true, data: { message: enabled.length ? "Saved. You'll get the emails you ticked; everything still shows in the hub." : "Saved. You'll get no emails about activities; everything still shows in the hub." } };
}

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
export async function createFeedAction(_prev: FeedState, formData: FormData): Promise<FeedState> {
  if (!isFormData(formData)) return unreadableForm();
  const group = feedGroupSchema.safeParse(formData.get("groupId") ?? "");
  if (!group.success) return fail("invalid_input", "Please choose your activities or one of your groups.");
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in first.");
  const created = await createCalendarFeed(viewer.id, group.data || null);
  if (!created.ok) return fail("not_found", created.message);
  revalidatePath("/account");
  return { ok: true, data: { message: "Your calendar link is ready. Copy it into your calendar app now — it won't be shown again.", ...(await feedUrls(created.token)), feed: { id: created.id, madeAt: created.madeAt.toISOString() } } };
}

const feedIdSchema = z.uuid();

/** Revokes a feed: its address is a 404 from now on. */
export async function revokeFeedAction(_prev: FeedState, formData: FormData): Promise<FeedState> {
  if (!isFormData(formData)) return unreadableForm();
  const id = feedIdSchema.safeParse(formData.get("feedId"));
  if (!id.success) return fail("not_found", "That calendar link doesn't exist.");
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in first.");
  if (!(await revokeCalendarFeed(viewer.id, id.data))) return fail("not_found", "That calendar link is already revoked or doesn't exist.");
  revalidatePath("/account");
  return { ok: true, data: { message: "Calendar link revoked. Calendars subscribed to it stop updating." } };
}

/** Replaces a feed's address with a new one; the old one stops working at once. */
export async function renewFeedAction(_prev: FeedState, formData: FormData): Promise<FeedState> {
  if (!isFormData(formData)) return unreadableForm();
  const id = feedIdSchema.safeParse(formData.get("feedId"));
  if (!id.success) return fail("not_found", "That calendar link doesn't exist.");
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in first.");
  const renewed = await renewCalendarFeed(viewer.id, id.data);
  if (!renewed.ok) return fail("not_found", renewed.message);
  revalidatePath("/account");
  return { ok: true, data: { message: "New calendar link made; the old one no longer works. Copy this one now.", ...(await feedUrls(renewed.token)), feed: { id: renewed.id, madeAt: renewed.madeAt.toISOString() } } };
}

const changePasswordSchema = z.object({
  currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(200),
  newPassword: newPasswordSchema,
});

/**
 * Changes the password after checking the current one. Every other session and every API
 * token stops working at once; this browser is signed in again with the new password.
 */
export async function changePasswordAction(_prev: PasswordFormState, formData: FormData): Promise<PasswordFormState> {
  if (!isFormData(formData)) return unreadableForm();
  const parsed = changePasswordSchema.safeParse({ currentPassword: formData.get("currentPassword"), newPassword: formData.get("newPassword") });
  if (!parsed.success) return invalid(parsed.error);
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in first.");
  const checked = await checkCredentials({ email: viewer.email, password: parsed.data.currentPassword }, clientAddress(await headers()));
  if (!checked.ok && checked.reason === "rate_limited") return fail("rate_limited", `Too many tries. Please try again ${tryAgainIn(checked.retryAfterSeconds)}.`);
  if (!checked.ok) return { ok: false, code: "invalid_input", message: "That isn't your current password.", fieldErrors: { currentPassword: "That isn't your current password." } };
  await changePassword(viewer.id, await hashPassword(parsed.data.newPassword));
  await signIn("credentials", { email: viewer.email, password: parsed.data.newPassword, redirectTo: "/account?password=changed" });
  return { ok: true, data: { message: "Your password is changed." } };
}

/**
 * Deletes the account after checking the password (rate-limited as signing in is). Refused
 * while the member owns a group. Every session ends with the account; this browser's cookie
 * is cleared too, and the member lands on a page that says it is done.
 */
export async function deleteAccountAction(_prev: PasswordFormState, formData: FormData): Promise<PasswordFormState> {
  if (!isFormData(formData)) return unreadableForm();
  const parsed = deleteAccountSchema.safeParse({ password: formData.get("password") });
  if (!parsed.success) return invalid(parsed.error, "Enter your password to confirm.");
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in first.");
  const checked = await checkCredentials({ email: viewer.email, password: parsed.data.password }, clientAddress(await headers()));
  if (!checked.ok && checked.reason === "rate_limited") return fail("rate_limited", `Too many tries. Please try again ${tryAgainIn(checked.retryAfterSeconds)}.`);
  if (!checked.ok) return { ok: false, code: "invalid_input", message: "That isn't your password, so nothing was deleted.", fieldErrors: { password: "That isn't your password." } };
  const result = await deleteAccount(viewer.id);
  if (!result.ok && result.code === "owns_groups") {
    return fail("conflict", `You own ${result.groups.map((g) => g.name).join(", ")}. Please hand ${result.groups.length === 1 ? "it" : "each one"} over to another organizer first, from the group's Manage page. Nothing was deleted.`);
  }
  if (!result.ok) return fail("not_found", "This account no longer exists.");
  await signOut({ redirectTo: "/account/deleted" });
  return { ok: true, data: { message: "Your account is deleted." } };
}
