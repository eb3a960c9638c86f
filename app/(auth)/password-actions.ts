"use server";

import { headers } from "next/headers";
import { requestWords } from "@/server/request-locale";
import { redirect } from "next/navigation";
import { z } from "zod";
import { countAttempt } from "@/db/mutations/rate-limits";
import { requestPasswordReset, resetPassword, RESET_LINK_MINUTES } from "@/db/mutations/passwords";
import type { PasswordFormState } from "@/components/password-form";
import { fail } from "@/lib/action-result";
import { defineAction } from "@/server/action";
import { clientAddress } from "@/server/client-address";
import { hashPassword } from "@/lib/passwords";
import { RATE_LIMITS, resetLimitMessage } from "@/lib/rate-limits";
import { siteUrl } from "@/lib/env";
import { emailSchema, newPasswordSchema } from "@/lib/validation/auth";
import { say } from "@/lib/i18n/said";

/**
 * "Forgot your password?": the same answer whether or not the email has an account. Limited
 * per email from one address and per address, so requests for someone's email from elsewhere
 * never use up the owner's own; the limit counts every email alike, so it reveals nothing.
 */
export const requestPasswordResetAction = defineAction({
  read: (form) => ({ email: form.get("email") }),
  input: z.object({ email: emailSchema }),
  run: async ({ email }): Promise<PasswordFormState> => {
    const address = clientAddress(await headers());
    const limits = [
      ["pair", `reset:pair:${address}:${email}`, RATE_LIMITS.resetPair],
      ["address", `reset:address:${address}`, RATE_LIMITS.resetAddress],
    ] as const;
    for (const [limit, key, rule] of limits) {
      const decision = await countAttempt(key, rule);
      if (!decision.allowed) return fail("rate_limited", resetLimitMessage(limit, decision.retryAfterSeconds));
    }
    // The link's origin is the configured one, never the request's Host: anyone can send a
    // made-up Host and would otherwise have the member emailed a link to their own site.
    await requestPasswordReset(email, siteUrl());
    return { ok: true, data: { message: (await requestWords("auth.answers"))("resetSent", { minutes: RESET_LINK_MINUTES }) } };
  },
});

/** Sets a new password from a reset link, which then stops working; every old session ends. */
export const resetPasswordAction = defineAction({
  find: { token: z.string().min(20).max(200) },
  missing: () => say("errors.action.resetLinkBroken"),
  read: (form) => ({ password: form.get("password") }),
  input: z.object({ password: newPasswordSchema }),
  run: async ({ password }, _viewer, { token }): Promise<PasswordFormState> => {
    const result = await resetPassword(token, await hashPassword(password));
    if (!result.ok) return fail("not_found", (await requestWords("auth.answers"))("resetGone"));
    redirect("/signin?reset=done");
  },
});
