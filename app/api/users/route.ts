import { NextResponse } from "next/server";
import { apiError, apiZodError, guarded, readJson } from "@/server/api/http";
import { signUpMember } from "@/server/auth/sign-up";
import { clientAddress } from "@/server/client-address";
import { tryAgainIn } from "@/lib/rate-limits";
import { signUpSchema } from "@/lib/validation/auth";

export const dynamic = "force-dynamic";

/** POST /api/users {"name", "email", "password"} — signs a new member up, with the sign-up form's rules. */
export async function POST(request: Request) {
  return guarded(async () => {
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = signUpSchema.safeParse(body.value);
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    const created = await signUpMember(parsed.data, clientAddress(request.headers));
    if (!created.ok && created.reason === "rate_limited") {
      return apiError("rate_limited", `Too many new accounts from this address. Please try again ${tryAgainIn(created.retryAfterSeconds)}.`, undefined, {
        "Retry-After": String(created.retryAfterSeconds),
      });
    }
    if (!created.ok) return apiError("conflict", "There is already an account with that email.", { email: "There is already an account with that email." });
    const { id, name, email } = created.user;
    return NextResponse.json({ user: { id, name, email } }, { status: 201 });
  });
}
