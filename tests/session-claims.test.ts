import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { endSessions } from "@/db/users";
import { authSecret } from "@/lib/env";
import { getViewer } from "@/server/auth/session";
import { keptSessionCount } from "@/server/auth/session-claims";
import { makeUser } from "./helpers/factories";

/*
 * A member's session cookie is decrypted once and what it says is kept for a minute, but the
 * member's row is still read on every request: signing out everywhere, a password change or a
 * suspension refuses a kept cookie on its very next request.
 */

const COOKIE = "authjs.session-token";
let jar = new Map<string, string>();

vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.has(name),
  }),
  headers: async () => new Headers(),
}));

async function signedInAs(user: { id: string; sessionVersion: number }, over: { maxAge?: number; sv?: unknown } = {}) {
  const token = await encode({ token: { sub: user.id, sv: over.sv ?? user.sessionVersion }, secret: authSecret(), salt: COOKIE, maxAge: over.maxAge });
  jar = new Map([[COOKIE, token]]);
  return token;
}

beforeEach(() => {
  jar = new Map();
});

describe("a kept session", () => {
  it("is the member on request after request, from one decryption", async () => {
    const sam = await makeUser({ name: "Sam Kept" });
    await signedInAs(sam);
    const before = keptSessionCount();
    expect((await getViewer())?.name).toBe("Sam Kept");
    expect(keptSessionCount()).toBe(before + 1);
    expect((await getViewer())?.id).toBe(sam.id);
    expect(keptSessionCount()).toBe(before + 1);
  });

  it("is refused at once after signing out everywhere, though its cookie is kept", async () => {
    const sam = await makeUser();
    await signedInAs(sam);
    expect((await getViewer())?.id).toBe(sam.id);
    await endSessions(sam.id);
    expect(await getViewer()).toBeNull();
    // A new sign-in carries the new version and works.
    const [now] = await (await getDb()).select().from(users).where(eq(users.id, sam.id));
    await signedInAs(now);
    expect((await getViewer())?.id).toBe(sam.id);
  });

  it("is refused at once when the account is suspended or deleted", async () => {
    const sam = await makeUser();
    const db = await getDb();
    await signedInAs(sam);
    expect((await getViewer())?.id).toBe(sam.id);
    await db.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, sam.id));
    expect(await getViewer()).toBeNull();
    await db.delete(users).where(eq(users.id, sam.id));
    expect(await getViewer()).toBeNull();
  });

  it("never comes from a cookie that does not decrypt, has no version or has expired", async () => {
    const sam = await makeUser();
    const token = await signedInAs(sam);
    jar = new Map([[COOKIE, `${token.slice(0, -4)}AAAA`]]);
    expect(await getViewer()).toBeNull();
    await signedInAs(sam, { sv: undefined });
    jar = new Map([[COOKIE, await encode({ token: { sub: sam.id }, secret: authSecret(), salt: COOKIE })]]);
    expect(await getViewer()).toBeNull();
    await signedInAs(sam, { maxAge: -60 });
    expect(await getViewer()).toBeNull();
    // Another cookie name's key does not open this one.
    jar = new Map([[`__Secure-${COOKIE}`, token]]);
    expect(await getViewer()).toBeNull();
  });
});
