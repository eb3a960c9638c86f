"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { endSessions } from "@/db/users";
import { type ActionResult, fail, invalid, isFormData, unreadableForm } from "@/lib/action-result";
import { AccountSuspended, signIn, signOut, TooManyAttempts } from "@/server/auth/config";
import { getViewer } from "@/server/auth/session";
import { signUpMember } from "@/server/auth/sign-up";
import { clientAddress } from "@/server/client-address";
import { signInLimitMessage, tryAgainIn } from "@/lib/rate-limits";
import { safeCallbackUrl, signInSchema, signUpSchema } from "@/lib/validation/auth";

/** One message for an unknown email and a wrong password, so neither can be probed. */
const WRONG_CREDENTIALS = "That email and password don't match an account. Check them and try again.";

export type AuthFormState = (ActionResult & { values?: Record<string, string> }) | null;

function formValues(formData: FormData, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, String(formData.get(k) ?? "").slice(0, 300)]));
}

async function signInAndRedirect(email: string, password: string, callbackUrl: string): Promise<AuthFormState> {
  try {
    // On success signIn throws Next's redirect, which must propagate.
    await signIn("credentials", { email, password, redirectTo: callbackUrl });
    return null;
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "rate_limited") {
      const message = error instanceof TooManyAttempts ? signInLimitMessage(error.limit, error.retryAfterSeconds) : signInLimitMessage("pair", 15 * 60);
      return { ...fail("rate_limited", message), values: { email } };
    }
    if (error instanceof CredentialsSignin && error.code === "suspended") {
      const why = error instanceof AccountSuspended && error.why ? ` The reason they gave: ${error.why}` : "";
      return { ...fail("forbidden", `The hub's admins have suspended this account, so it can't be used to sign in.${why}`), values: { email } };
    }
    if (error instanceof AuthError) return { ...fail("unauthenticated", WRONG_CREDENTIALS), values: { email } };
    throw error;
  }
}

export async function signInAction(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  if (!isFormData(formData)) return unreadableForm();
  const callbackUrl = safeCallbackUrl(formData.get("callbackUrl"));
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { ...invalid(parsed.error), values: formValues(formData, ["email"]) };
  return signInAndRedirect(parsed.data.email, parsed.data.password, callbackUrl);
}

export async function signUpAction(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  if (!isFormData(formData)) return unreadableForm();
  const callbackUrl = safeCallbackUrl(formData.get("callbackUrl"));
  const values = formValues(formData, ["name", "email"]);
  const parsed = signUpSchema.safeParse({ name: formData.get("name"), email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { ...invalid(parsed.error), values };
  const created = await signUpMember(parsed.data, clientAddress(await headers()));
  if (!created.ok && created.reason === "rate_limited") {
    return { ...fail("rate_limited", `Too many new accounts have been made from here in the last hour. Please try again ${tryAgainIn(created.retryAfterSeconds)}.`), values };
  }
  if (!created.ok) {
    return {
      ok: false,
      code: "conflict",
      message: "There is already an account with that email.",
      fieldErrors: { email: "There is already an account with that email. Try signing in instead." },
      values,
    };
  }
  return signInAndRedirect(parsed.data.email, parsed.data.password, callbackUrl);
}

/**
 * Signing out ends the session for good, not only in this browser: a copy of the cookie
 * (or the same account open on another device) stops working too.
 */
export async function signOutAction(): Promise<void> {
  const viewer = await getViewer();
  if (viewer) await endSessions(viewer.id);
  await signOut({ redirectTo: "/" });
}
