"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { countAttempt } from "@/db/mutations/rate-limits";
import { requestPasswordReset, resetPassword, RESET_LINK_MINUTES } from "@/db/mutations/passwords";
import type { PasswordFormState } from "@/components/password-form";
import { fail, invalid, isFormData, unreadableForm } from "@/lib/action-result";
import { clientAddress } from "@/server/client-address";
import { hashPassword } from "@/lib/passwords";
import { RATE_LIMITS, resetLimitMessage } from "@/lib/rate-limits";
import { siteUrl } from "@/lib/env";
import { emailSchema, newPasswordSchema } from "@/lib/validation/auth";

const SENT = `If there is an account with that email, we've sent it a link to choose a new password. The link works once, for ${RESET_LINK_MINUTES} minutes. Check your spam folder if it doesn't arrive.`;

/**
 * "Forgot your password?": the same answer whether or not the email has an account. Limited
 * per email from one address and per address, so requests for someone's email from elsewhere
 * never use up the owner's own; the limit counts every email alike, so it reveals nothing.
 */
export async function requestPasswordResetAction(_prev: PasswordFormState, formData: FormData): Promise<PasswordFormState> {
  if (!isFormData(formData)) return unreadableForm();
  const parsed = z.object({ email: emailSchema }).safeParse({ email: formData.get("email") });
  if (!parsed.success) return invalid(parsed.error);
  const h = await headers();
  const address = clientAddress(h);
  const limits = [
    ["pair", `reset:pair:${address}:${parsed.data.email}`, RATE_LIMITS.resetPair],
    ["address", `reset:address:${address}`, RATE_LIMITS.resetAddress],
  ] as const;
  for (const [limit, key, rule] of limits) {
    const decision = await countAttempt(key, rule);
    if (!decision.allowed) return fail("rate_limited", resetLimitMessage(limit, decision.retryAfterSeconds));
  }
  // The link's origin is the configured one, never the request's Host: anyone can send a
  // made-up Host and would otherwise have the member emailed a link to their own site.
  await requestPasswordReset(parsed.data.email, siteUrl());
  return { ok: true, data: { message: SENT } };
}

const resetSchema = z.object({ token: z.string().min(20).max(200), password: newPasswordSchema });

/** Sets a new password from a reset link, which then stops working; every old session ends. */
export async function resetPasswordAction(_prev: PasswordFormState, formData: FormData): Promise<PasswordFormState> {
  if (!isFormData(formData)) return unreadableForm();
  const parsed = resetSchema.safeParse({ token: formData.get("token"), password: formData.get("password") });
  if (!parsed.success) {
    if (parsed.error.issues.some((i) => i.path[0] === "token")) return fail("not_found", "This reset link doesn't work. Ask for a new one.");
    return invalid(parsed.error);
  }
  const result = await resetPassword(parsed.data.token, await hashPassword(parsed.data.password));
  if (!result.ok) return fail("not_found", "This reset link has expired or has already been used. Ask for a new one from the sign-in page.");
  redirect("/signin?reset=done");
}
