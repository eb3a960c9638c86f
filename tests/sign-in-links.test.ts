import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { requestSignInLinkAction, signInWithProviderAction } from "@/app/(auth)/link-actions";
import { getDb } from "@/db/client";
import { emailLinkState, spendEmailLink } from "@/db/mutations/email-links";
import { emailOutbox, users } from "@/db/schema";
import { endSessions } from "@/db/users";
import { hashPassword } from "@/lib/passwords";
import { checkCredentials } from "@/server/auth/credentials";
import { claimsOfCookie } from "@/server/auth/session-claims";
import { signUpMember } from "@/server/auth/sign-up";
import { makeUser } from "./helpers/factories";
import { CookieJar } from "./helpers/oidc-provider";

vi.mock("@/server/auth/config", async (original) => (await import("./helpers/session")).mockAuthConfig(await original()));
vi.mock("next/cache", async () => (await import("./helpers/session")).mockNextCache());
// The address each request comes from, chosen per test.
let address = "192.0.2.10";
vi.mock("next/headers", async () => {
  const { PEER_ADDRESS_HEADER } = await import("@/server/peer-address");
  return {
    headers: async () => new Headers({ host: "hub.test", [PEER_ADDRESS_HEADER]: address }),
    cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
  };
});

const HUB = "http://hub.test";
const email = (label: string) => `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@link.example`;
const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
};
let n = 0;
beforeEach(() => {
  address = `198.51.100.${(n++ % 250) + 1}`;
});

async function linkFor(to: string): Promise<string> {
  const db = await getDb();
  const rows = (await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to))).filter((r) => r.type === "sign_in_link").sort((a, b) => +b.createdAt - +a.createdAt);
  const token = rows[0]?.bodyText.match(/Sign me in: http:\/\/localhost:3000\/signin\/link\/([A-Za-z0-9_-]+)/)?.[1];
  expect(token, `no sign-in link was emailed to ${to}`).toBeDefined();
  return token!;
}

/** Presses "Sign me in" the way the page's form reaches Auth.js: its credentials callback, with the CSRF token. */
async function signInWith(token: string): Promise<{ location: string; session: { sub: string; sv: number } | null }> {
  const { handlers } = await import("@/server/auth/config");
  const jar = new CookieJar();
  const csrf = await handlers.GET(new NextRequest(`${HUB}/api/auth/csrf`));
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await handlers.POST(
    new NextRequest(`${HUB}/api/auth/callback/email-link`, {
      method: "POST",
      headers: { cookie: jar.header(), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token, csrfToken, callbackUrl: "/" }),
    }),
  );
  jar.take(response);
  const cookie = jar.get("authjs.session-token");
  return { location: response.headers.get("location") ?? "", session: cookie ? await claimsOfCookie("authjs.session-token", cookie) : null };
}

describe("signing in by an email link", () => {
  it("emails a link that signs in once, with the member's session version; used again it is refused", async () => {
    const member = await makeUser({ email: email("once") });
    expect(await requestSignInLinkAction(null, form({ email: member.email.toUpperCase() }))).toMatchObject({ ok: true, data: { message: expect.stringMatching(/If there is an account/) } });
    const token = await linkFor(member.email);
    // Opening the page (a mail scanner, say) spends nothing.
    expect(await emailLinkState(token, "sign_in")).toBe("valid");
    const first = await signInWith(token);
    expect(first.session).toMatchObject({ sub: member.id, sv: member.sessionVersion });
    expect(first.location).toBe(`${HUB}/`);
    const again = await signInWith(token);
    expect(again.session).toBeNull();
    expect(again.location).toMatch(/\/signin\?error=CredentialsSignin&code=link_refused/);
    expect(await emailLinkState(token, "sign_in")).toBe("used");
  });

  it("pressed twice at once, signs in once (the link's row is locked)", async () => {
    const member = await makeUser({ email: email("twice") });
    await requestSignInLinkAction(null, form({ email: member.email }));
    const token = await linkFor(member.email);
    const results = await Promise.all([spendEmailLink(token, "sign_in"), spendEmailLink(token, "sign_in"), spendEmailLink(token, "sign_in")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, state: "used" }, { ok: false, state: "used" }]);
  });

  it("answers the same for an email with no account, and sends nothing", async () => {
    const nobody = email("nobody");
    expect(await requestSignInLinkAction(null, form({ email: nobody }))).toMatchObject({ ok: true, data: { message: expect.stringMatching(/If there is an account/) } });
    const db = await getDb();
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, nobody))).toEqual([]);
  });

  it("works for fifteen minutes only", async () => {
    const member = await makeUser({ email: email("late") });
    await requestSignInLinkAction(null, form({ email: member.email }));
    const token = await linkFor(member.email);
    expect(await emailLinkState(token, "sign_in", new Date(Date.now() + 14 * 60_000))).toBe("valid");
    expect(await emailLinkState(token, "sign_in", new Date(Date.now() + 16 * 60_000))).toBe("expired");
    expect(await spendEmailLink(token, "sign_in", new Date(Date.now() + 16 * 60_000))).toEqual({ ok: false, state: "expired" });
  });

  it("signs in no suspended member, and a session ended since is refused like any other", async () => {
    const member = await makeUser({ email: email("suspended") });
    await requestSignInLinkAction(null, form({ email: member.email }));
    const token = await linkFor(member.email);
    const db = await getDb();
    await db.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, member.id));
    expect((await signInWith(token)).session).toBeNull();
    // A suspended member is sent no new link either.
    await requestSignInLinkAction(null, form({ email: member.email }));
    expect(await linkFor(member.email)).toBe(token);

    const other = await makeUser({ email: email("ended") });
    await requestSignInLinkAction(null, form({ email: other.email }));
    const { session } = await signInWith(await linkFor(other.email));
    expect(session?.sv).toBe(other.sessionVersion);
    await endSessions(other.id);
    const [row] = await db.select().from(users).where(eq(users.id, other.id));
    expect(row.sessionVersion).not.toBe(session?.sv);
  });

  it("confirms an unconfirmed email, clearing the sign-up password someone else may have set", async () => {
    const created = await signUpMember({ name: "Maybe Me", email: email("takeover"), password: "set by whoever signed up" }, address);
    if (!created.ok) throw new Error("sign-up failed");
    await requestSignInLinkAction(null, form({ email: created.user.email }));
    const { session } = await signInWith(await linkFor(created.user.email));
    const db = await getDb();
    const [row] = await db.select().from(users).where(eq(users.id, created.user.id));
    expect(row.emailVerifiedAt).not.toBeNull();
    expect(row.sessionVersion).toBe(created.user.sessionVersion + 1);
    expect(session).toMatchObject({ sub: row.id, sv: row.sessionVersion });
    expect((await checkCredentials({ email: row.email, password: "set by whoever signed up" }, address)).ok).toBe(false);
  });

  it("is limited per email from one address, per email from anywhere, and per address", async () => {
    const member = await makeUser({ email: email("limits"), passwordHash: await hashPassword("a long enough password") });
    for (let i = 0; i < 3; i++) expect(await requestSignInLinkAction(null, form({ email: member.email }))).toMatchObject({ ok: true });
    expect(await requestSignInLinkAction(null, form({ email: member.email }))).toMatchObject({ ok: false, code: "rate_limited", message: expect.stringMatching(/for this email from this address/) });
    address = "203.0.113.7";
    for (let i = 0; i < 2; i++) expect(await requestSignInLinkAction(null, form({ email: member.email }))).toMatchObject({ ok: true });
    expect(await requestSignInLinkAction(null, form({ email: member.email }))).toMatchObject({ ok: false, code: "rate_limited", message: expect.stringMatching(/for this email\./) });
    const db = await getDb();
    expect((await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, member.email))).length).toBe(5);
    // The owner's password still works whatever the link limits.
    expect((await checkCredentials({ email: member.email, password: "a long enough password" }, address)).ok).toBe(true);

    address = "203.0.113.99";
    for (let i = 0; i < 10; i++) expect(await requestSignInLinkAction(null, form({ email: email(`many${i}`) }))).toMatchObject({ ok: true });
    expect(await requestSignInLinkAction(null, form({ email: email("one-more") }))).toMatchObject({ ok: false, code: "rate_limited", message: expect.stringMatching(/from this address/) });
  });

  it("refuses malformed input with a clear message", async () => {
    expect(await requestSignInLinkAction(null, form({ email: "not an email" }))).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { email: expect.any(String) } });
    const refused = await signInWith("../../not-a-token");
    expect(refused.session).toBeNull();
  });
});

describe("single sign-on when it is not configured", () => {
  it("shows no way in: the action refuses and Auth.js knows no such provider", async () => {
    expect(await signInWithProviderAction(null, form({ callbackUrl: "/" }))).toMatchObject({ ok: false, code: "not_found" });
    const { handlers } = await import("@/server/auth/config");
    const jar = new CookieJar();
    const csrf = await handlers.GET(new NextRequest(`${HUB}/api/auth/csrf`));
    jar.take(csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await handlers.POST(new NextRequest(`${HUB}/api/auth/signin/oidc`, { method: "POST", headers: { cookie: jar.header(), "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ csrfToken }) }));
    const location = response.headers.get("location") ?? "";
    expect(location).not.toMatch(/\/auth\?|client_id=/);
    expect(location).toMatch(/\/signin\?error=/);
    // Nor is there anywhere for a provider to send anyone back to.
    const route = await import("@/app/api/auth/[...nextauth]/route");
    const back = await route.GET(new NextRequest(`${HUB}/api/auth/callback/oidc?code=x&state=y`));
    expect(back.status).toBe(404);
    const { apiDocument } = await import("@/app/api/operations");
    expect((apiDocument() as { paths: Record<string, unknown> }).paths["/api/auth/callback/oidc"]).toBeUndefined();
  });
});
