import { describe, expect, it } from "vitest";
import { createUser } from "@/db/users";
import { verifyCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/passwords";
import { signUpSchema } from "@/lib/validation/auth";

async function signUp(email: string, password: string) {
  const input = signUpSchema.parse({ name: "Robin", email, password });
  return createUser({ name: input.name, email: input.email, passwordHash: await hashPassword(input.password) });
}

describe("signing up and signing in", () => {
  it("stores an argon2id hash, never the password, and signs in with any capitalisation of the email", async () => {
    const created = await signUp("Robin.Case@Example.org", "a long enough secret");
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.user.email).toBe("robin.case@example.org");
    expect(created.user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(created.user.passwordHash).not.toContain("a long enough secret");
    const signedIn = await verifyCredentials({ email: "  ROBIN.case@example.ORG ", password: "a long enough secret" });
    expect(signedIn?.id).toBe(created.user.id);
  });

  it("refuses a second account with the same email", async () => {
    expect((await signUp("twice@example.org", "first password!")).ok).toBe(true);
    const again = await signUp("TWICE@example.org", "second password!");
    expect(again).toEqual({ ok: false, code: "email_taken" });
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    await signUp("known@example.org", "the right password");
    expect(await verifyCredentials({ email: "known@example.org", password: "the wrong password" })).toBeNull();
    expect(await verifyCredentials({ email: "nobody@example.org", password: "the right password" })).toBeNull();
    expect(await verifyCredentials({ email: "not an email", password: "" })).toBeNull();
  });

  it("explains what is wrong with a sign-up form, field by field", () => {
    const r = signUpSchema.safeParse({ name: " ", email: "robin@", password: "short" });
    expect(r.success).toBe(false);
    const byField = Object.fromEntries(r.error!.issues.map((i) => [i.path[0], i.message]));
    expect(byField.name).toMatch(/call you/);
    expect(byField.email).toMatch(/email address like/);
    expect(byField.password).toMatch(/at least 10/);
  });
});
