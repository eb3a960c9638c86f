import crypto from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { POST as rsvpRoute } from "@/app/api/activities/[id]/rsvp/route";
import { POST as tokenRoute } from "@/app/api/tokens/route";
import { POST as usersRoute } from "@/app/api/users/route";
import { requestPasswordResetAction } from "@/app/(auth)/password-actions";
import { getDb } from "@/db/client";
import { passwordResetTokens, rateLimits } from "@/db/schema";
import { eq } from "drizzle-orm";
import { createUser, getUserByEmail } from "@/db/users";
import { checkCredentials } from "@/server/auth/credentials";
import { clientAddress, PEER_ADDRESS_HEADER } from "@/server/client-address";
import { hashPassword } from "@/lib/passwords";
import { makeActivity, makeGroup } from "./helpers/factories";

// This file checks the real per-address sign-in number (the suite's default is raised so
// hundreds of test sign-ins from one address pass); set before any module reads settings.
vi.hoisted(() => {
  process.env.SIGN_IN_LIMIT_PER_ADDRESS = "30";
});

/** The address server actions see this request come from. */
const requestFrom = vi.hoisted(() => ({ address: "192.0.2.10" }));
vi.mock("next/headers", async () => {
  const { PEER_ADDRESS_HEADER: peer } = await import("@/server/peer-address");
  return {
    headers: async () => new Headers({ host: "hub.test", [peer]: requestFrom.address }),
    cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
  };
});

const PASSWORD = "the right password";
const address = () => `192.0.2.${crypto.randomInt(1, 250)}-${crypto.randomBytes(3).toString("hex")}`;

async function member() {
  const email = `limits-${crypto.randomBytes(5).toString("hex")}@example.org`;
  const created = await createUser({ name: "Robin", email, passwordHash: await hashPassword(PASSWORD) });
  if (!created.ok) throw new Error("sign-up failed");
  return created.user;
}

function post(url: string, body: unknown, headers: Record<string, string>) {
  return new Request(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
}

describe("the client address", () => {
  it("is the socket's when no proxy is trusted, whatever X-Forwarded-For says", () => {
    const h = new Headers({ [PEER_ADDRESS_HEADER]: "203.0.113.9", "x-forwarded-for": "1.2.3.4" });
    expect(clientAddress(h, 0)).toBe("203.0.113.9");
  });

  it("behind N trusted proxies is the entry the nearest proxy wrote, not one the client made up", () => {
    // The client sent "1.2.3.4"; the one proxy appended the real client, 198.51.100.7.
    const one = new Headers({ [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "1.2.3.4, 198.51.100.7" });
    expect(clientAddress(one, 1)).toBe("198.51.100.7");
    const two = new Headers({ [PEER_ADDRESS_HEADER]: "10.0.0.3", "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.2" });
    expect(clientAddress(two, 2)).toBe("198.51.100.7");
    expect(clientAddress(new Headers({ [PEER_ADDRESS_HEADER]: "10.0.0.2" }), 1)).toBe("10.0.0.2");
  });
});

describe("sign-in limits", () => {
  it("forty different emails with one password from one address get a 429 from the 31st on", async () => {
    const from = address();
    const results = [];
    for (let i = 0; i < 40; i++) results.push(await checkCredentials({ email: `stuffed-${i}-${from}@example.org`, password: "Summer2026!!" }, from));
    expect(results.slice(0, 30).every((r) => !r.ok && r.reason === "wrong")).toBe(true);
    expect(results.slice(30).every((r) => !r.ok && r.reason === "rate_limited")).toBe(true);
    const viaApi = await tokenRoute(post("http://hub.test/api/tokens", { email: "another@example.org", password: "Summer2026!!" }, { [PEER_ADDRESS_HEADER]: from }));
    expect(viaApi.status).toBe(429);
    expect(Number(viaApi.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await viaApi.json()).error.message).toMatch(/try again in/i);
  });

  it("ten wrong passwords from one address do not lock the owner out: from their own address they sign in", async () => {
    const user = await member();
    const attacker = address();
    for (let i = 0; i < 10; i++) expect(await checkCredentials({ email: user.email, password: `guess ${i} guess` }, attacker)).toEqual({ ok: false, reason: "wrong" });
    expect(await checkCredentials({ email: user.email, password: PASSWORD }, attacker)).toMatchObject({ ok: false, reason: "rate_limited" });
    const owner = await checkCredentials({ email: user.email, password: PASSWORD }, address());
    expect(owner.ok && owner.user.id).toBe(user.id);
  });

  it("guesses on one account from many addresses slow it to one try every ten seconds, never a lock-out", async () => {
    const user = await member();
    for (let i = 0; i < 10; i++) await checkCredentials({ email: user.email, password: `spread guess ${i}` }, address());
    // Slowed: one attempt goes through, the next within ten seconds is told to wait seconds, not minutes.
    expect(await checkCredentials({ email: user.email, password: "yet another guess" }, address())).toEqual({ ok: false, reason: "wrong" });
    const paced = await checkCredentials({ email: user.email, password: PASSWORD }, address());
    expect(paced).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(!paced.ok && paced.reason === "rate_limited" && paced.retryAfterSeconds).toBeLessThanOrEqual(10);
    await new Promise((r) => setTimeout(r, (!paced.ok && paced.reason === "rate_limited" ? paced.retryAfterSeconds : 10) * 1000 + 200));
    const owner = await checkCredentials({ email: user.email, password: PASSWORD }, address());
    expect(owner.ok).toBe(true);
  }, 30_000);
});

describe("what a refused sign-in says", () => {
  it("after 30 failures on other emails from one address, the owner with the right password is told it is the address that is limited, not their email", async () => {
    const user = await member();
    const from = address();
    for (let i = 0; i < 30; i++) await checkCredentials({ email: `other-${i}-${from}@example.org`, password: "Summer2026!!" }, from);
    expect(await checkCredentials({ email: user.email, password: PASSWORD }, from)).toMatchObject({ ok: false, reason: "rate_limited", limit: "address" });
    const viaApi = await tokenRoute(post("http://hub.test/api/tokens", { email: user.email, password: PASSWORD }, { [PEER_ADDRESS_HEADER]: from }));
    expect(viaApi.status).toBe(429);
    const { message } = (await viaApi.json()).error;
    expect(message).toMatch(/from this address/i);
    expect(message).not.toMatch(/this email/i);
    expect(message).toMatch(/try again in/i);
    // From their own address the owner gets in.
    expect((await checkCredentials({ email: user.email, password: PASSWORD }, address())).ok).toBe(true);
  });

  it("after ten wrong passwords for one email from one address, the answer names that email from here", async () => {
    const user = await member();
    const from = address();
    for (let i = 0; i < 10; i++) await checkCredentials({ email: user.email, password: `guess ${i} guess` }, from);
    expect(await checkCredentials({ email: user.email, password: PASSWORD }, from)).toMatchObject({ ok: false, reason: "rate_limited", limit: "pair" });
    const viaApi = await tokenRoute(post("http://hub.test/api/tokens", { email: user.email, password: PASSWORD }, { [PEER_ADDRESS_HEADER]: from }));
    expect(viaApi.status).toBe(429);
    expect((await viaApi.json()).error.message).toMatch(/for this email from this address/i);
  });
});

describe("password reset limits", () => {
  async function askForReset(email: string, from: string) {
    requestFrom.address = from;
    const form = new FormData();
    form.set("email", email);
    return requestPasswordResetAction(null, form);
  }

  it("a stranger's three resets for someone's email do not use up the owner's own: the owner still gets a link, the stranger is stopped", async () => {
    const user = await member();
    const stranger = address();
    for (let i = 0; i < 3; i++) expect(await askForReset(user.email, stranger)).toMatchObject({ ok: true });
    const refused = await askForReset(user.email, stranger);
    expect(refused).toMatchObject({ ok: false, code: "rate_limited", message: expect.stringMatching(/for this email from this address/i) });

    expect(await askForReset(user.email, address())).toMatchObject({ ok: true });
    const db = await getDb();
    const links = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    expect(links).toHaveLength(4);
  });

  it("one address asking for many emails is stopped by its own limit, and told so", async () => {
    const from = address();
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push(await askForReset(`reset-spray-${i}-${crypto.randomBytes(3).toString("hex")}@example.org`, from));
    expect(answers.slice(0, 10).every((a) => a?.ok)).toBe(true);
    expect(answers[10]).toMatchObject({ ok: false, code: "rate_limited", message: expect.stringMatching(/from this address/i) });
    expect(answers[10]).not.toMatchObject({ message: expect.stringMatching(/this email/i) });
  });
});

describe("sign-up limits", () => {
  it("a fresh X-Forwarded-For does not buy a new sign-up after a 429", async () => {
    const from = address();
    const db = await getDb();
    await db.insert(rateLimits).values({ key: `sign-up:${from}`, windowStart: new Date(), count: 1_000_000 });
    for (const spoof of ["1.1.1.1", "8.8.8.8", `${from}9`]) {
      const body = { name: "Robin", email: `spoof-${crypto.randomBytes(4).toString("hex")}@example.org`, password: "a long enough secret" };
      const res = await usersRoute(post("http://hub.test/api/users", body, { [PEER_ADDRESS_HEADER]: from, "x-forwarded-for": spoof }));
      expect(res.status).toBe(429);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await getUserByEmail(body.email)).toBeUndefined();
    }
  });
});

describe("member limits", () => {
  async function tokenFor(email: string, from: string) {
    const res = await tokenRoute(post("http://hub.test/api/tokens", { email, password: PASSWORD, name: "limits" }, { [PEER_ADDRESS_HEADER]: from }));
    return { status: res.status, body: await res.json(), retryAfter: res.headers.get("retry-after") };
  }

  it("RSVP changes stop at 60 in ten minutes with a 429 and Retry-After, per member", async () => {
    const user = await member();
    const { body } = await tokenFor(user.email, address());
    const activity = await makeActivity((await makeGroup()).id);
    const db = await getDb();
    await db.insert(rateLimits).values({ key: `rsvpMember:${user.id}`, windowStart: new Date(), count: 59 });
    const rsvp = (status: string) =>
      rsvpRoute(post(`http://hub.test/api/activities/${activity.id}/rsvp`, { status }, { authorization: `Bearer ${body.token}` }), { params: Promise.resolve({ id: activity.id }) });
    expect((await rsvp("going")).status).toBe(200);
    const refused = await rsvp("maybe");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused.json()).error).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/take a breather/) });
  });

  it("a member makes at most ten API tokens an hour", async () => {
    const user = await member();
    const from = address();
    for (let i = 0; i < 10; i++) expect((await tokenFor(user.email, from)).status).toBe(201);
    const refused = await tokenFor(user.email, from);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
  });
});
