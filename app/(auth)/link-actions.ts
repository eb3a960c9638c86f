"use server";

import { CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
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

const SENT = `If there is an account with that email, we've sent it a link to sign in. The link works once, for ${SIGN_IN_LINK_MINUTES} minutes. Check your spam folder if it doesn't arrive.`;

/** What a link that cannot be used says, by why. */
const REFUSED: Record<"used" | "expired" | "unknown", () => string> = {
  used: () => say("errors.signInLink.used"),
  expired: () => say("errors.signInLink.expired", { minutes: SIGN_IN_LINK_MINUTES }),
  unknown: () => say("errors.signInLink.unknown"),
};

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
    return { ok: true, data: { message: SENT } };
  },
});

/**
 * The button on a sign-in link's page: spends the link and signs in exactly as a password does
 * (the same session, version and suspension rules: server/auth/config.ts). Following a link
 * also confirms the email.
 */
export const signInWithLinkAction = defineAction({
  find: token,
  missing: REFUSED.unknown,
  run: async (_input, _viewer, { token }): Promise<PasswordFormState> => {
    try {
      await signIn("email-link", { token, redirectTo: "/?signed-in=link" });
      return null;
    } catch (error) {
      if (error instanceof SignInLinkRefused) return fail(error.state === "unknown" ? "not_found" : "closed", REFUSED[error.state]());
      if (error instanceof CredentialsSignin) return fail("not_found", REFUSED.unknown());
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
    if (spent.state === "used") return fail("closed", "This confirmation link has already been used. If your email still shows as unconfirmed, send yourself a new link.");
    if (spent.state === "expired") return fail("closed", "This confirmation link has expired. Send yourself a new one.");
    return fail("not_found", say("errors.action.confirmLinkPartial"));
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
    const memberId = await memberOfConfirmationLink(token);
    if (!memberId) return fail("not_found", "There is nothing left to confirm for this link: the email may be confirmed already. Try signing in.");
    const fromAddress = await countAttempt(`verify-link:address:${clientAddress(await headers())}`, RATE_LIMITS.verifyLinkAddress);
    if (!fromAddress.allowed) return fail("rate_limited", `A lot of confirmation links have been asked for from this address. Please try again ${tryAgainIn(fromAddress.retryAfterSeconds)}.`);
    const forMember = await limitMember("verifyLinkMember", memberId);
    if (!forMember.allowed) return fail("rate_limited", memberLimitMessage("verifyLinkMember", forMember.retryAfterSeconds));
    await sendVerificationLink(memberId, siteUrl());
    return { ok: true, data: { message: "We've sent a new link to the same address. It works once, for two days." } };
  },
});

/** "Send the link again", for a signed-in member whose email is not confirmed yet. */
export const resendConfirmationAction = defineAction({
  member: true,
  limit: "verifyLinkMember",
  run: async (_input, viewer): Promise<PasswordFormState> => {
    if (viewer.emailConfirmed) return { ok: true, data: { message: "Your email is confirmed already: there is nothing more to do." } };
    await sendVerificationLink(viewer.id, siteUrl());
    return { ok: true, data: { message: `We've sent a new link to ${viewer.email}. It works once, for two days.` } };
  },
});

/** "Sign in with <provider>": off (refused) unless single sign-on is configured. */
export const signInWithProviderAction = defineAction({
  read: (form) => ({ callbackUrl: safeCallbackUrl(form.get("callbackUrl")) }),
  input: z.object({ callbackUrl: z.string() }),
  run: async ({ callbackUrl }): Promise<PasswordFormState> => {
    if (!oidcSettings()) return fail("not_found", "Single sign-on is not set up on this hub. Sign in with your email instead.");
    // Sends the person to the provider; Auth.js keeps the state, nonce and PKCE verifier in cookies.
    return startSingleSignOn(callbackUrl);
  },
});
