"use server";

import { CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { requestWords } from "@/server/request-locale";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { PasswordFormState } from "@/components/password-form";
import { memberOfConfirmationLink, requestSignInLink, sendVerificationLink, SIGN_IN_LINK_MINUTES, spendEmailLink } from "@/db/mutations/email-links";
import { countAttempt, limitMember } from "@/db/mutations/rate-limits";
import { fail } from "@/lib/action-result";
import { oidcSettings, siteUrl } from "@/lib/env";
import { memberLimitMessage, RATE_LIMITS, signInLinkLimitMessage, tryAgainIn } from "@/lib/rate-limits";
import { emailSchema, safeCallbackUrl } from "@/lib/validation/auth";
import { defineAction } from "@/server/action";
import { signIn, SignInLinkRefused } from "@/server/auth/config";
import { startSingleSignOn } from "@/server/auth/start-single-sign-on";
import { clientAddress } from "@/server/client-address";
import { say } from "@/lib/i18n/said";

const token = { token: z.string().regex(/^[A-Za-z0-9_-]{40,50}$/) };

/** What a link that cannot be used says, by why. */
async function refused(state: "used" | "expired" | "unknown"): Promise<string> {
  return (await requestWords("auth.answers"))(`linkRefused.${state}`, { minutes: SIGN_IN_LINK_MINUTES });
}

/**
 * "Email me a sign-in link": the same answer whether or not the email has an account. Limited
 * per email from one address, per email from anywhere (nobody can flood a member's inbox) and
 * per address; the limits count every email alike, so they reveal nothing.
 */
export const requestSignInLinkAction = defineAction({
  read: (form) => ({ email: form.get("email") }),
  input: z.object({ email: emailSchema }),
  run: async ({ email }): Promise<PasswordFormState> => {
    const address = clientAddress(await headers());
    const limits = [
      ["pair", `sign-in-link:pair:${address}:${email}`, RATE_LIMITS.signInLinkPair],
      ["email", `sign-in-link:email:${email}`, RATE_LIMITS.signInLinkEmail],
      ["address", `sign-in-link:address:${address}`, RATE_LIMITS.signInLinkAddress],
    ] as const;
    for (const [limit, key, rule] of limits) {
      const decision = await countAttempt(key, rule);
      if (!decision.allowed) return fail("rate_limited", signInLinkLimitMessage(limit, decision.retryAfterSeconds));
    }
    await requestSignInLink(email, siteUrl());
    return { ok: true, data: { message: (await requestWords("auth.answers"))("linkSent", { minutes: SIGN_IN_LINK_MINUTES }) } };
  },
});

/**
 * The button on a sign-in link's page: spends the link and signs in exactly as a password does
 * (the same session, version and suspension rules: server/auth/config.ts). Following a link
 * also confirms the email.
 */
export const signInWithLinkAction = defineAction({
  find: token,
  missing: () => say("errors.signInLink.unknown"),
  run: async (_input, _viewer, { token }): Promise<PasswordFormState> => {
    try {
      await signIn("email-link", { token, redirectTo: "/?signed-in=link" });
      return null;
    } catch (error) {
      if (error instanceof SignInLinkRefused) return fail(error.state === "unknown" ? "not_found" : "closed", await refused(error.state));
      if (error instanceof CredentialsSignin) return fail("not_found", await refused("unknown"));
      throw error;
    }
  },
});

/** The button on a confirmation link's page: confirms the email the link was sent to. */
export const confirmEmailAction = defineAction({
  find: token,
  missing: () => say("errors.action.confirmLinkPartial"),
  run: async (_input, _viewer, { token }): Promise<PasswordFormState> => {
    const spent = await spendEmailLink(token, "verify");
    if (spent.ok) redirect("/confirm-email/done");
    const t = await requestWords("auth.answers");
    if (spent.state === "used") return fail("closed", t("confirmUsed"));
    if (spent.state === "expired") return fail("closed", t("confirmExpired"));
    return fail("not_found", t("confirmUnknown"));
  },
});

/**
 * "Send me a new link" from a confirmation link that no longer works, signed in or not: a fresh
 * link goes to the same address, while it still needs confirming. Limited per member and per address.
 */
export const sendNewConfirmationLinkAction = defineAction({
  find: token,
  missing: () => say("errors.action.confirmLinkAskAgain"),
  run: async (_input, _viewer, { token }): Promise<PasswordFormState> => {
    const t = await requestWords("auth.answers");
    const memberId = await memberOfConfirmationLink(token);
    if (!memberId) return fail("not_found", t("nothingToConfirm"));
    const fromAddress = await countAttempt(`verify-link:address:${clientAddress(await headers())}`, RATE_LIMITS.verifyLinkAddress);
    if (!fromAddress.allowed) return fail("rate_limited", t("tooManyConfirmLinks", { when: tryAgainIn(fromAddress.retryAfterSeconds) }));
    const forMember = await limitMember("verifyLinkMember", memberId);
    if (!forMember.allowed) return fail("rate_limited", memberLimitMessage("verifyLinkMember", forMember.retryAfterSeconds));
    await sendVerificationLink(memberId, siteUrl());
    return { ok: true, data: { message: t("newLinkSent") } };
  },
});

/** "Send the link again", for a signed-in member whose email is not confirmed yet. */
export const resendConfirmationAction = defineAction({
  member: true,
  limit: "verifyLinkMember",
  run: async (_input, viewer): Promise<PasswordFormState> => {
    const t = await requestWords("auth.answers");
    if (viewer.emailConfirmed) return { ok: true, data: { message: t("alreadyConfirmed") } };
    await sendVerificationLink(viewer.id, siteUrl());
    return { ok: true, data: { message: t("linkSentTo", { email: viewer.email }) } };
  },
});

/** "Sign in with <provider>": off (refused) unless single sign-on is configured. */
export const signInWithProviderAction = defineAction({
  read: (form) => ({ callbackUrl: safeCallbackUrl(form.get("callbackUrl")) }),
  input: z.object({ callbackUrl: z.string() }),
  run: async ({ callbackUrl }): Promise<PasswordFormState> => {
    if (!oidcSettings()) return fail("not_found", (await requestWords("auth.answers"))("noSingleSignOn"));
    // Sends the person to the provider; Auth.js keeps the state, nonce and PKCE verifier in cookies.
    return startSingleSignOn(callbackUrl);
  },
});
