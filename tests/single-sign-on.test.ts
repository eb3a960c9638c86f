import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { emailOutbox, signInIdentities, users } from "@/db/schema";
import { reloadEnv } from "@/lib/env";
import { claimsOfCookie } from "@/server/auth/session-claims";
import { redirectTarget } from "./helpers/session";
import { makeUser } from "./helpers/factories";
import { CookieJar, signInAtProvider, startOidcProvider, type TestProvider } from "./helpers/oidc-provider";

/*
 * Single sign-on against a real OpenID Connect provider started on 127.0.0.1 (oidc-provider),
 * through the hub's own Auth.js routes (/api/auth/…): the person goes to the provider's login
 * and consent pages and comes back with a code, which the hub checks (state, PKCE, nonce,
 * issuer, the ID token's signature) before deciding whose account it is.
 */

/** The site as people reach it (SITE_URL is unset in tests, so it is the Host they send); a NextRequest would call it "localhost". */
const HUB = "http://127.0.0.1:3000";
/** The address Next hands route handlers: the server as it started, not the site. */
const INTERNAL = "http://0.0.0.0:3000";

// The server action's request: the Host the browser sent, and the cookies the action sets.
const asked = vi.hoisted(() => ({ jar: null as null | { set: (name: string, value: string | undefined) => void; header: () => string } }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "127.0.0.1:3000", "x-forwarded-host": "0.0.0.0:3000", cookie: asked.jar?.header() ?? "" }),
  cookies: async () => ({ set: (name: string, value: string) => asked.jar?.set(name, value), get: () => undefined, getAll: () => [], has: () => false, delete: () => undefined }),
}));
let provider: TestProvider;
/** The hub's /api/auth route as it is served (app/api/auth/[...nextauth]/route.ts), which the provider sends people back to. */
let route: { GET: (r: NextRequest) => Promise<Response> };
let warnings: string[] = [];

beforeAll(async () => {
  provider = await startOidcProvider({ redirectUris: [`${HUB}/api/auth/callback/oidc`] });
  Object.assign(process.env, { OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret, OIDC_NAME: "Test Volunteers" });
  reloadEnv();
  route = (await import("@/app/api/auth/[...nextauth]/route")) as unknown as typeof route;
  vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(" ")));
});

afterAll(async () => {
  for (const key of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_NAME"]) delete process.env[key];
  reloadEnv();
  await provider.close();
});

/**
 * A request to the hub as Next hands it to a route handler: addressed to the server as it started,
 * with the Host the browser sent and Next's own X-Forwarded-* headers.
 */
const hub = (path: string, jar: CookieJar) => new NextRequest(`${INTERNAL}${path}`, { headers: { host: "127.0.0.1:3000", "x-forwarded-host": "0.0.0.0:3000", "x-forwarded-proto": "http", cookie: jar.header() } });

/**
 * Presses "Sign in with …": the sign-in page's action, which answers with a redirect to the
 * provider's authorization URL and sets the cookies holding the state, nonce and PKCE verifier.
 */
async function startSignIn(jar: CookieJar): Promise<string> {
  const { signInWithProviderAction } = await import("@/app/(auth)/link-actions");
  asked.jar = jar;
  const data = new FormData();
  data.set("callbackUrl", "/me");
  const location = await signInWithProviderAction(null, data).then(
    (answer) => `answered ${JSON.stringify(answer)}`,
    (error: unknown) => redirectTarget(error) ?? String(error),
  );
  asked.jar = null;
  expect(location.startsWith(`${provider.issuer}/auth`), location).toBe(true);
  // Named from the site's own origin, not the X-Forwarded-Host Next sets to its own address.
  expect(new URL(location).searchParams.get("redirect_uri")).toBe(`${HUB}/api/auth/callback/oidc`);
  return location;
}

/** The provider's answer, delivered to the hub's callback: where the hub sends the person, and their session's claims. */
async function finish(jar: CookieJar, callbackUrl: string): Promise<{ location: string; session: { sub: string; sv: number } | null }> {
  const url = new URL(callbackUrl);
  const response = await route.GET(hub(`${url.pathname}${url.search}`, jar));
  jar.take(response);
  const cookie = jar.get("authjs.session-token");
  const session = cookie ? await claimsOfCookie("authjs.session-token", cookie) : null;
  return { location: response.headers.get("location") ?? "", session };
}

async function signInThrough(login: string): Promise<{ location: string; session: { sub: string; sv: number } | null }> {
  const jar = new CookieJar();
  const authorize = await startSignIn(jar);
  return finish(jar, await signInAtProvider(authorize, login));
}

const email = (label: string) => `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@sso.example`;

describe("single sign-on with OpenID Connect", () => {
  it("gives someone new a new, confirmed account without a password, and signs them in", async () => {
    const address = email("new");
    provider.people.set("newcomer", { email: address, email_verified: true, name: "Nia Newcomer" });
    const { location, session } = await signInThrough("newcomer");
    expect(location).toBe(`${HUB}/me`);
    const db = await getDb();
    const [user] = await db.select().from(users).where(eq(users.email, address));
    expect(user).toMatchObject({ name: "Nia Newcomer", passwordHash: "!no-password" });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(session).toMatchObject({ sub: user.id, sv: user.sessionVersion });
    const [identity] = await db.select().from(signInIdentities).where(eq(signInIdentities.userId, user.id));
    expect(identity).toMatchObject({ issuer: provider.issuer, subject: "newcomer", email: address });
  });

  it("links an existing account by a verified email, and the same person comes back to it", async () => {
    const member = await makeUser({ email: email("existing") });
    provider.people.set("existing", { email: member.email, email_verified: true, name: "Someone Else" });
    expect((await signInThrough("existing")).session?.sub).toBe(member.id);
    // The provider's email changes later: the person is still known by issuer and subject.
    provider.people.set("existing", { email: email("moved"), email_verified: true });
    expect((await signInThrough("existing")).session?.sub).toBe(member.id);
    const db = await getDb();
    const [row] = await db.select().from(users).where(eq(users.id, member.id));
    expect(row.name).toBe(member.name);
  });

  it("links nothing by an email the provider has not verified, and makes no account", async () => {
    const member = await makeUser({ email: email("unverified") });
    provider.people.set("claimer", { email: member.email, email_verified: false });
    const { location, session } = await signInThrough("claimer");
    expect(session).toBeNull();
    expect(location).toBe(`${HUB}/signin?sso=unverified_email`);
    provider.people.set("silent", { email: email("no-claim") });
    expect((await signInThrough("silent")).location).toBe(`${HUB}/signin?sso=unverified_email`);
    const db = await getDb();
    expect(await db.select().from(signInIdentities).where(eq(signInIdentities.userId, member.id))).toHaveLength(0);
    expect(warnings.some((w) => w.includes("single sign-on refused") && w.includes("unverified_email"))).toBe(true);
  });

  it("refuses a suspended account", async () => {
    const member = await makeUser({ email: email("suspended"), suspendedAt: new Date() });
    provider.people.set("suspended", { email: member.email, email_verified: true });
    const { location, session } = await signInThrough("suspended");
    expect(session).toBeNull();
    expect(location).toBe(`${HUB}/signin?sso=suspended`);
  });

  it("confirms an unconfirmed account it links, and takes the maker's password and sessions away", async () => {
    const member = await makeUser({ email: email("unconfirmed"), emailVerifiedAt: null, passwordHash: "$argon2id$set-by-whoever-signed-up" });
    provider.people.set("owner", { email: member.email, email_verified: true });
    const { session } = await signInThrough("owner");
    const db = await getDb();
    const [row] = await db.select().from(users).where(eq(users.id, member.id));
    expect(row.emailVerifiedAt).not.toBeNull();
    expect(row.passwordHash).toBe("!no-password");
    expect(row.sessionVersion).toBe(member.sessionVersion + 1);
    expect(session).toMatchObject({ sub: member.id, sv: row.sessionVersion });
  });

  it("refuses and logs a callback whose state is not the one it sent", async () => {
    provider.people.set("state", { email: email("state"), email_verified: true });
    const first = new CookieJar();
    await startSignIn(first);
    const second = new CookieJar();
    const answer = await signInAtProvider(await startSignIn(second), "state");
    // The answer to the second sign-in, delivered with the first's cookies.
    warnings = [];
    const { location, session } = await finish(first, answer);
    expect(session).toBeNull();
    expect(location).toMatch(/\/signin\?error=/);
    expect(warnings.join("\n")).toMatch(/sign-in callback refused.*unexpected "state"/);
  });

  it("refuses and logs a callback whose nonce is not the one it sent", async () => {
    provider.people.set("nonce", { email: email("nonce"), email_verified: true });
    const first = new CookieJar();
    await startSignIn(first);
    const second = new CookieJar();
    const answer = await signInAtProvider(await startSignIn(second), "nonce");
    // Everything of the second sign-in but its nonce, which is the first's.
    second.set("authjs.nonce", first.get("authjs.nonce"));
    warnings = [];
    const { location, session } = await finish(second, answer);
    expect(session).toBeNull();
    expect(location).toMatch(/\/signin\?error=/);
    expect(warnings.join("\n")).toMatch(/sign-in callback refused.*unexpected ID Token "nonce"/);
  });

  it("refuses and logs a callback that names another issuer", async () => {
    provider.people.set("issuer", { email: email("issuer"), email_verified: true });
    const jar = new CookieJar();
    const answer = new URL(await signInAtProvider(await startSignIn(jar), "issuer"));
    expect(answer.searchParams.get("iss")).toBe(provider.issuer);
    answer.searchParams.set("iss", "http://127.0.0.1:1/elsewhere");
    warnings = [];
    const { location, session } = await finish(jar, answer.href);
    expect(session).toBeNull();
    expect(location).toMatch(/\/signin\?error=/);
    expect(warnings.join("\n")).toMatch(/sign-in callback refused.*unexpected "iss"/);
  });

  it("serves the callback and lists it in the API's document only while single sign-on is configured", async () => {
    const { isAuthEndpoint } = await import("@/server/api/auth-routes");
    const { apiDocument } = await import("@/app/api/operations");
    expect(isAuthEndpoint("/api/auth/callback/oidc", "GET")).toBe(true);
    expect(isAuthEndpoint("/api/auth/callback/oidc", "POST")).toBe(false);
    expect((apiDocument() as { paths: Record<string, unknown> }).paths["/api/auth/callback/oidc"]).toBeDefined();
  });

  it("sends no email of its own: a new account is confirmed by the provider, not by a link", async () => {
    const address = email("quiet");
    provider.people.set("quiet", { email: address, email_verified: true });
    await signInThrough("quiet");
    const db = await getDb();
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address))).toHaveLength(0);
  });
});
