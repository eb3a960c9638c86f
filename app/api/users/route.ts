import { NextResponse } from "next/server";
import { z } from "zod";
import { apiError } from "@/server/api/http";
import { apiRoute } from "@/server/api/route";
import { signUpMember } from "@/server/auth/sign-up";
import { clientAddress } from "@/server/client-address";
import { tryAgainIn } from "@/lib/rate-limits";
import { signUpSchema } from "@/lib/validation/auth";
import { say } from "@/lib/i18n/said";

export const dynamic = "force-dynamic";

/** POST /api/users {"name", "email", "password"} — signs a new member up, with the sign-up form's rules. */
export const POST = apiRoute({
  summary: "Sign up",
  description: "The sign-up form's rules: a name, a valid email, a password of 10 or more characters. 409 when the email is taken.",
  caller: "none",
  body: signUpSchema,
  responses: { 201: z.object({ user: z.object({ id: z.uuid(), name: z.string(), email: z.string() }) }) },
  errors: [409, 429],
  async handler({ request, body }) {
    const created = await signUpMember(body, clientAddress(request.headers));
    if (!created.ok && created.reason === "rate_limited") {
      return apiError("rate_limited", say("errors.routes.users.tooManyAccounts", { when: tryAgainIn(created.retryAfterSeconds) }), undefined, {
        "Retry-After": String(created.retryAfterSeconds),
      });
    }
    if (!created.ok) return apiError("conflict", say("errors.routes.users.emailTaken"), { email: say("errors.routes.users.emailTaken") });
    const { id, name, email } = created.user;
    return NextResponse.json({ user: { id, name, email } }, { status: 201 });
  },
});
