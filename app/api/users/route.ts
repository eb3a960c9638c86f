import { NextResponse } from "next/server";
import { createUser } from "@/db/users";
import { apiError, apiZodError, guarded, readJson } from "@/lib/api/http";
import { hashPassword } from "@/lib/passwords";
import { signUpSchema } from "@/lib/validation/auth";

export const dynamic = "force-dynamic";

/** POST /api/users {"name", "email", "password"} — signs a new member up, with the sign-up form's rules. */
export async function POST(request: Request) {
  return guarded(async () => {
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = signUpSchema.safeParse(body.value);
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    const created = await createUser({ name: parsed.data.name, email: parsed.data.email, passwordHash: await hashPassword(parsed.data.password) });
    if (!created.ok) return apiError("conflict", "There is already an account with that email.", { email: "There is already an account with that email." });
    const { id, name, email } = created.user;
    return NextResponse.json({ user: { id, name, email } }, { status: 201 });
  });
}
