import { describe, expect, it } from "vitest";
import { POST as usersRoute } from "@/app/api/users/route";
import { getDb } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { createUser, getUserByEmail } from "@/db/users";
import { signUpMember } from "@/server/auth/sign-up";
import { POST as tokenRoute } from "@/app/api/tokens/route";
import { countAttempt } from "@/db/mutations/rate-limits";
import { checkCredentials, SIGN_IN_LIMIT } from "@/server/auth/credentials";
import { PEER_ADDRESS_HEADER } from "@/server/client-address";
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
    const signedIn = await checkCredentials({ email: "  ROBIN.case@example.ORG ", password: "a long enough secret" });
    expect(signedIn.ok && signedIn.user.id).toBe(created.user.id);
  });

  it("refuses a second account with the same email", async () => {
    expect((await signUp("twice@example.org", "first password!")).ok).toBe(true);
    const again = await signUp("TWICE@example.org", "second password!");
    expect(again).toEqual({ ok: false, code: "email_taken" });
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    await signUp("known@example.org", "the right password");
    const wrong = { ok: false, reason: "wrong" };
    expect(await checkCredentials({ email: "known@example.org", password: "the wrong password" })).toEqual(wrong);
    expect(await checkCredentials({ email: "nobody@example.org", password: "the right password" })).toEqual(wrong);
    expect(await checkCredentials({ email: "not an email", password: "" })).toEqual(wrong);
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

describe("sign-in attempts", () => {
  it("refuses an eleventh attempt within a quarter of an hour, even with the right password, and the API says 429", async () => {
    const email = `guessed-${Date.now()}@example.org`;
    await signUp(email, "the right password");
    for (let i = 0; i < SIGN_IN_LIMIT.limit; i++) {
      expect(await checkCredentials({ email, password: `guess number ${i}` })).toEqual({ ok: false, reason: "wrong" });
    }
    const refused = await checkCredentials({ email, password: "the right password" });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.reason).toBe("rate_limited");
    expect(!refused.ok && refused.reason === "rate_limited" && refused.retryAfterSeconds).toBeGreaterThan(0);

    const viaApi = await tokenRoute(
      new Request("http://hub.test/api/tokens", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: "the right password" }) }),
    );
    expect(viaApi.status).toBe(429);
    expect(Number(viaApi.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await viaApi.json()).error).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/too many sign-in attempts/i) });
    // Another email is not affected.
    expect((await checkCredentials({ email: `other-${email}`, password: "whatever it is" })).ok).toBe(false);
    expect(await checkCredentials({ email: `other-${email}`, password: "whatever it is" })).toEqual({ ok: false, reason: "wrong" });
  });

  it("a successful sign-in starts the count afresh", async () => {
    const email = `forgetful-${Date.now()}@example.org`;
    await signUp(email, "the right password");
    for (let i = 0; i < SIGN_IN_LIMIT.limit - 1; i++) await checkCredentials({ email, password: "not it at all" });
    expect((await checkCredentials({ email, password: "the right password" })).ok).toBe(true);
    for (let i = 0; i < SIGN_IN_LIMIT.limit - 1; i++) await checkCredentials({ email, password: "not it at all" });
    expect((await checkCredentials({ email, password: "the right password" })).ok).toBe(true);
  });

  it("opens a new window once the old one has passed", async () => {
    const key = `test:${Date.now()}`;
    const rule = { limit: 2, windowMs: 60_000 };
    const start = new Date("2026-11-25T10:00:00Z");
    expect(await countAttempt(key, rule, start)).toEqual({ allowed: true });
    expect(await countAttempt(key, rule, new Date(start.getTime() + 1_000))).toEqual({ allowed: true });
    expect(await countAttempt(key, rule, new Date(start.getTime() + 30_000))).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(await countAttempt(key, rule, new Date(start.getTime() + 60_000))).toEqual({ allowed: true });
  });
});

describe("sign-ups from one address", () => {
  const input = (n: number) => signUpSchema.parse({ name: "Robin", email: `flood-${Date.now()}-${n}@example.org`, password: "a long enough secret" });

  it("stops after the hour's limit for that address only, and creates no account past it", async () => {
    const address = `203.0.113.${Date.now() % 250}`;
    const rule = { limit: 3, windowMs: 60 * 60_000 };
    for (let i = 0; i < 3; i++) expect((await signUpMember(input(i), address, rule)).ok).toBe(true);
    const refused = input(3);
    const result = await signUpMember(refused, address, rule);
    expect(result).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(await getUserByEmail(refused.email)).toBeUndefined();
    expect((await signUpMember(input(4), `${address}0`, rule)).ok).toBe(true);
  });

  it("POST /api/users answers 429 with Retry-After once the address is over its limit", async () => {
    const address = "198.51.100.77";
    const db = await getDb();
    await db.insert(rateLimits).values({ key: `sign-up:${address}`, windowStart: new Date(), count: 1_000_000 });
    const body = { name: "Robin", email: `late-${Date.now()}@example.org`, password: "a long enough secret" };
    const res = await usersRoute(new Request("http://hub.test/api/users", { method: "POST", headers: { "content-type": "application/json", [PEER_ADDRESS_HEADER]: address }, body: JSON.stringify(body) }));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await res.json()).error.code).toBe("rate_limited");
    expect(await getUserByEmail(body.email)).toBeUndefined();
  });
});
