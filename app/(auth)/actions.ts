"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { requestWords } from "@/server/request-locale";
import { z } from "zod";
import { endSessions } from "@/db/users";
import { type ActionResult, fail } from "@/lib/action-result";
import { AccountSuspended, signIn, signOut, TooManyAttempts } from "@/server/auth/config";
import { defineAction } from "@/server/action";
import { getViewer } from "@/server/auth/session";
import { signUpMember } from "@/server/auth/sign-up";
import { clientAddress } from "@/server/client-address";
import { signInLimitMessage, tryAgainIn } from "@/lib/rate-limits";
import { safeCallbackUrl, signInSchema, signUpSchema } from "@/lib/validation/auth";

export type AuthFormState = (ActionResult & { values?: Record<string, string> }) | null;

/** What was typed in these fields, sent back with a refusal so the form shows it again. */
function typed(raw: Record<string, unknown>, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, String(raw[k] ?? "").slice(0, 300)]));
}

async function signInAndRedirect(email: string, password: string, callbackUrl: string): Promise<AuthFormState> {
  try {
    // On success signIn throws Next's redirect, which must propagate.
    await signIn("credentials", { email, password, redirectTo: callbackUrl });
    return null;
  } catch (error) {
    const t = await requestWords("auth.answers");
    if (error instanceof CredentialsSignin && error.code === "rate_limited") {
      const message = error instanceof TooManyAttempts ? signInLimitMessage(error.limit, error.retryAfterSeconds) : signInLimitMessage("pair", 15 * 60);
      return { ...fail("rate_limited", message), values: { email } };
    }
    if (error instanceof CredentialsSignin && error.code === "suspended") {
      const why = error instanceof AccountSuspended && error.why ? error.why : null;
      return { ...fail("forbidden", why ? t("suspendedWhy", { why }) : t("suspended")), values: { email } };
    }
    // One message for an unknown email and a wrong password, so neither can be probed.
    if (error instanceof AuthError) return { ...fail("unauthenticated", t("wrongCredentials")), values: { email } };
    throw error;
  }
}

export const signInAction = defineAction({
  read: (form) => ({ email: form.get("email"), password: form.get("password"), callbackUrl: safeCallbackUrl(form.get("callbackUrl")) }),
  input: signInSchema.extend({ callbackUrl: z.string() }),
  keep: (raw) => ({ values: typed(raw, ["email"]) }),
  run: ({ email, password, callbackUrl }): Promise<AuthFormState> => signInAndRedirect(email, password, callbackUrl),
});

export const signUpAction = defineAction({
  read: (form) => ({ name: form.get("name"), email: form.get("email"), password: form.get("password"), callbackUrl: safeCallbackUrl(form.get("callbackUrl")) }),
  input: signUpSchema.extend({ callbackUrl: z.string() }),
  keep: (raw) => ({ values: typed(raw, ["name", "email"]) }),
  run: async ({ callbackUrl, ...account }): Promise<AuthFormState> => {
    const created = await signUpMember(account, clientAddress(await headers()));
    const t = await requestWords("auth.answers");
    if (!created.ok && created.reason === "rate_limited") {
      return fail("rate_limited", t("tooManyAccounts", { when: tryAgainIn(created.retryAfterSeconds) }));
    }
    if (!created.ok) {
      return { ok: false, code: "conflict", message: t("emailTaken"), fieldErrors: { email: t("emailTakenField") } };
    }
    return signInAndRedirect(account.email, account.password, callbackUrl);
  },
});

/**
 * Signing out ends the session for good, not only in this browser: a copy of the cookie
 * (or the same account open on another device) stops working too.
 */
export async function signOutAction(): Promise<void> {
  const viewer = await getViewer();
  if (viewer) await endSessions(viewer.id);
  await signOut({ redirectTo: "/" });
}
