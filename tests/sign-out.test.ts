import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...nextauth]/route";
import { authSecret } from "@/lib/env";
import { makeUser } from "./helpers/factories";

/*
 * Signing out ends the session everywhere, whichever way out is taken: the app's own
 * button (covered in e2e) and next-auth's own POST /api/auth/signout. A copy of the
 * cookie taken before signing out no longer works.
 */
const COOKIE = "authjs.session-token";
const BASE = "http://localhost:3000";

async function sessionCookieFor(user: { id: string; name: string; email: string; sessionVersion: number }) {
  const token = await encode({ token: { sub: user.id, name: user.name, email: user.email, sv: user.sessionVersion }, secret: authSecret(), salt: COOKIE });
  return `${COOKIE}=${token}`;
}

async function sessionOf(cookie: string) {
  const res = await authGet(new Request(`${BASE}/api/auth/session`, { headers: { cookie } }) as never);
  return (await res.json()) as { user?: { id: string } } | null;
}

describe("POST /api/auth/signout", () => {
  it("ends the session everywhere: a copied cookie stops working", async () => {
    const user = await makeUser();
    const cookie = await sessionCookieFor(user);
    const copy = cookie;
    expect((await sessionOf(cookie))?.user?.id).toBe(user.id);

    const csrfRes = await authGet(new Request(`${BASE}/api/auth/csrf`) as never);
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const csrfCookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const out = await authPost(
      new Request(`${BASE}/api/auth/signout`, {
        method: "POST",
        headers: { cookie: `${cookie}; ${csrfCookie}`, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, callbackUrl: "/" }),
      }) as never,
    );
    expect(out.status).toBeLessThan(400);

    expect((await sessionOf(copy))?.user).toBeUndefined();
  });
});
