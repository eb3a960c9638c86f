import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...nextauth]/route";
import { POST as usersRoute } from "@/app/api/users/route";
import { isAuthEndpoint } from "@/server/api/auth-routes";
import { sameSiteRedirect } from "@/lib/validation/auth";

/*
 * next-auth's own endpoints given what no sign-in form sends: the API's error shape with a
 * sentence, never next-auth's bare 400 "Bad request." or `null`; a return address that is not
 * one is quietly the home page, with nothing in the log; and signing in still works.
 */

const BASE = "http://localhost:3000";
const get = (path: string, headers: Record<string, string> = {}) => authGet(new Request(`${BASE}${path}`, { headers }) as never);
const post = (path: string, body: BodyInit | undefined, headers: Record<string, string> = {}) => authPost(new Request(`${BASE}${path}`, { method: "POST", headers, body }) as never);

async function csrf(): Promise<{ csrfToken: string; cookie: string }> {
  const res = await get("/api/auth/csrf");
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { csrfToken, cookie: res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") };
}

let n = 0;
async function member() {
  const who = { name: `Signer ${n}`, email: `auth-routes-${Date.now()}-${n++}@test.example`, password: "correct horse battery" };
  const res = await usersRoute(new Request(`${BASE}/api/users`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(who) }));
  expect(res.status).toBe(201);
  return who;
}

afterEach(() => vi.restoreAllMocks());

describe("next-auth's endpoints answer in the API's error shape", () => {
  it("a JSON body that is not JSON, or not an object, is a 400 invalid_body with a sentence", async () => {
    for (const body of ["{", "[1,2]", "null"]) {
      const res = await post("/api/auth/callback/credentials", body, { "content-type": "application/json" });
      expect(res.status, body).toBe(400);
      expect((await res.json()).error, body).toMatchObject({ code: "invalid_body", message: expect.stringMatching(/JSON/) });
    }
  });

  it("POST /api/auth/session without its CSRF token is a 400 saying what to send, not `null`", async () => {
    const res = await post("/api/auth/session", "{}", { "content-type": "application/json" });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toEqual({ code: "invalid_body", message: expect.stringContaining("CSRF token") });
  });

  it("an address next-auth does not serve is a 404 in the API's shape", async () => {
    for (const path of ["/api/auth/%00", "/api/auth/nothing-here", "/api/auth/callback/github", "/api/auth/session/extra", "/api/auth"]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect((await res.json()).error.code, path).toBe("not_found");
    }
    expect(isAuthEndpoint("/api/auth/callback/credentials")).toBe(true);
    expect(isAuthEndpoint("/api/auth/csrf")).toBe(true);
    expect(isAuthEndpoint("/api/auth/csrf", "POST")).toBe(false);
    expect(isAuthEndpoint("/api/auth/callback/credentials", "GET")).toBe(false);
  });
});

describe("only the next-auth endpoints the hub uses are served", () => {
  it("other addresses and methods are a 404 in the API's shape, saying which methods an address takes, with nothing logged", async () => {
    const errors = vi.spyOn(console, "error");
    const warnings = vi.spyOn(console, "warn");
    const cases: [string, string, string | null][] = [
      ["GET", "/api/auth/callback/credentials", "POST"],
      ["GET", "/api/auth/callback", null],
      ["GET", "/api/auth/signin/credentials", null],
      ["POST", "/api/auth/signin/credentials", null],
      ["GET", "/api/auth/webauthn-options", null],
      ["GET", "/api/auth/signout", "POST"],
      ["GET", "/api/auth/verify-request", null],
      ["POST", "/api/auth/csrf", "GET"],
      ["POST", "/api/auth/providers", "GET"],
      ["POST", "/api/auth/error", "GET"],
      ["POST", "/api/auth/verify-request", null],
    ];
    for (const [method, path, allow] of cases) {
      const res = method === "GET" ? await get(path) : await post(path, "", { "content-type": "application/x-www-form-urlencoded" });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.headers.get("content-type"), `${method} ${path}`).toContain("application/json");
      expect((await res.json()).error, `${method} ${path}`).toMatchObject({ code: "not_found", message: expect.any(String) });
      expect(res.headers.get("allow"), `${method} ${path}`).toBe(allow);
    }
    expect(errors).not.toHaveBeenCalled();
    expect(warnings).not.toHaveBeenCalled();
  });

  it("next-auth's error page sends a person to sign in again, never a 500", async () => {
    for (const path of ["/api/auth/error", "/api/auth/error?error=Configuration", "/api/auth/error?error=%00"]) {
      const res = await get(path);
      expect(res.status, path).toBe(302);
      expect(res.headers.get("location"), path).toBe(`${BASE}/signin?problem=1`);
    }
  });

  it("what the hub uses still answers: the session, the CSRF token, the providers, and GET signin sends to the sign-in page", async () => {
    expect((await get("/api/auth/session")).status).toBe(200);
    expect((await get("/api/auth/providers")).status).toBe(200);
    expect((await csrf()).csrfToken).toBeTruthy();
    const signin = await get("/api/auth/signin");
    expect(signin.status).toBe(302);
    expect(signin.headers.get("location")).toBe(`${BASE}/signin`);
    const back = await get("/api/auth/signin?callbackUrl=%2Factivities");
    expect(back.headers.get("location")).toBe(`${BASE}/signin?callbackUrl=%2Factivities`);
  });

  it("next-auth's redirects point at the site a person reached, not at the server's own localhost address", async () => {
    const who = await member();
    const { csrfToken, cookie } = await csrf();
    // Next hands the handler this server's own address; the person reached it as 127.0.0.1:4000.
    const res = await post("/api/auth/callback/credentials", new URLSearchParams({ email: who.email, password: who.password, csrfToken, callbackUrl: "/activities" }), {
      cookie,
      host: "127.0.0.1:4000",
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("http://127.0.0.1:4000/activities");
    const away = await get("/api/auth/signin", { host: "127.0.0.1:4000" });
    expect(away.headers.get("location")).toBe("http://127.0.0.1:4000/signin");
  });
});

describe("a return address that is not one", () => {
  it("is quietly the home page, with no TypeError in the log, on every endpoint that reads it", async () => {
    const errors = vi.spyOn(console, "error");
    for (const bad of ["foo", "http//x", "https://", "::::"]) {
      const res = await get(`/api/auth/csrf?callbackUrl=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(200);
      expect(res.headers.getSetCookie().find((c) => c.startsWith("authjs.callback-url=")), bad).toContain(encodeURIComponent(`${BASE}`));
    }
    // In next-auth's cookie, and in a sign-out form's field.
    const cookied = await get("/api/auth/session", { cookie: "authjs.callback-url=foo" });
    expect(cookied.status).toBe(200);
    const { csrfToken, cookie } = await csrf();
    const out = await post("/api/auth/signout", new URLSearchParams({ csrfToken, callbackUrl: "http//x" }), { cookie, "content-type": "application/x-www-form-urlencoded" });
    expect(out.status).toBe(302);
    expect(out.headers.get("location")).toBe(`${BASE}/`);
    expect(errors).not.toHaveBeenCalled();
  });

  it("the rule: this site's paths and origin are kept, anything else is the home page", () => {
    expect(sameSiteRedirect("/activities?x=1", BASE)).toBe(`${BASE}/activities?x=1`);
    expect(sameSiteRedirect(`${BASE}/groups`, BASE)).toBe(`${BASE}/groups`);
    for (const other of ["//evil.example", "https://evil.example/", "javascript:alert(1)", "foo", "http//x", "/a\r\nSet-Cookie: x=1"]) {
      expect(sameSiteRedirect(other, BASE), other).toBe(other.startsWith("/") ? `${BASE}/` : BASE);
    }
  });
});

describe("signing in through next-auth's endpoint still works", () => {
  it("the right password with a CSRF token gives a session and goes where it was asked, or home when that is not an address", async () => {
    const who = await member();
    for (const [callbackUrl, expected] of [
      ["/activities", `${BASE}/activities`],
      ["not a url", `${BASE}/`],
    ]) {
      const { csrfToken, cookie } = await csrf();
      const res = await post("/api/auth/callback/credentials", new URLSearchParams({ email: who.email, password: who.password, csrfToken, callbackUrl }), {
        cookie,
        "content-type": "application/x-www-form-urlencoded",
      });
      expect(res.status, callbackUrl).toBe(302);
      expect(res.headers.get("location"), callbackUrl).toBe(expected);
      expect(res.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token=") && !c.startsWith("authjs.session-token=;")), callbackUrl).toBe(true);
    }
  });
});
