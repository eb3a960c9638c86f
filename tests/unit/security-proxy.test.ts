import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const site = "http://hub.test";
const cookie = "authjs.session-token=abc.def.ghi";

function request(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new NextRequest(`${site}${path}`, { method: init.method ?? "GET", headers: { host: "hub.test", ...init.headers }, body: init.body });
}

describe("security headers on every response", () => {
  it("a page gets a nonce-based CSP without unsafe-inline scripts, no framing, nosniff, a referrer policy and a permissions policy", () => {
    const res = proxy(request("/activities"));
    const csp = res.headers.get("content-security-policy") ?? "";
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("permissions-policy")).toContain("camera=()");
    // "Near me" asks for the position from the hub's own page; nothing else may.
    expect(res.headers.get("permissions-policy")).toContain("geolocation=(self)");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });

  it("every request gets a different nonce, and the render is told the same one the browser is", () => {
    const a = proxy(request("/"));
    const b = proxy(request("/"));
    const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
    expect(nonceOf(a.headers.get("content-security-policy"))).not.toBe(nonceOf(b.headers.get("content-security-policy")));
    // NextResponse.next({ request: { headers } }) forwards overridden request headers this way.
    expect(a.headers.get("x-middleware-request-x-nonce")).toBe(nonceOf(a.headers.get("content-security-policy")));
  });
});

describe("cookie-authenticated writes from other origins are refused", () => {
  const rsvp = "/api/activities/7b0c5a52-2a41-4a5e-9f67-0d6b0f5f7a10/rsvp";

  it("a cross-origin RSVP with the session cookie and a text/plain body is refused before it reaches the handler", async () => {
    const res = proxy(request(rsvp, { method: "POST", headers: { cookie, origin: "http://evil.example", "content-type": "text/plain" }, body: '{"status":"going"}' }));
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
  });

  it("its refusals speak the language cookie's or the browser's language, before anyone is known", async () => {
    const english = await proxy(request(rsvp, { method: "POST", headers: { cookie, origin: "http://evil.example", "content-type": "text/plain" }, body: "{}" })).json();
    const spanish = await proxy(request(rsvp, { method: "POST", headers: { cookie, origin: "http://evil.example", "content-type": "text/plain", "accept-language": "es-MX,es;q=0.9" }, body: "{}" })).json();
    const chosen = await proxy(request(rsvp, { method: "POST", headers: { cookie: `${cookie}; ct_locale=es`, origin: "http://evil.example", "content-type": "text/plain", "accept-language": "en-GB" }, body: "{}" })).json();
    expect(english.error).toMatchObject({ code: "forbidden", message: expect.stringContaining("another site") });
    for (const body of [spanish, chosen]) {
      expect(body.error.code).toBe("forbidden");
      expect(body.error.message).not.toBe(english.error.message);
      expect(body.error.message).toMatch(/sitio/);
    }
    // A language cookie that is not one (a broken %-sequence) is ignored, never a failure.
    for (const broken of ["ct_locale=%", "ct_locale=%E0%A4%A", "ct_locale="]) {
      const page = proxy(request("/activities", { headers: { cookie: broken, "accept-language": "es" } }));
      expect(page.headers.get("x-middleware-next"), broken).toBe("1");
      const refused = await proxy(request(rsvp, { method: "POST", headers: { cookie: `${cookie}; ${broken}`, origin: "http://evil.example", "content-type": "text/plain", "accept-language": "es" }, body: "{}" })).json();
      expect(refused.error.message, broken).toMatch(/sitio/);
    }
    const nul = proxy(request("/activities?q=%00", { headers: { "accept-language": "es" } }));
    expect(nul.status).toBe(400);
    const page = await nul.text();
    expect(page).toContain('<html lang="es">');
    expect(page).toContain("NUL");
  });

  it("another origin of the same site (Sec-Fetch-Site: same-site) is refused too, even without an Origin header", () => {
    const res = proxy(request(rsvp, { method: "POST", headers: { cookie, "sec-fetch-site": "same-site" } }));
    expect(res.status).toBe(403);
  });

  it("a same-origin write with the cookie must send JSON", async () => {
    const res = proxy(request(rsvp, { method: "POST", headers: { cookie, origin: site, "sec-fetch-site": "same-origin", "content-type": "text/plain" }, body: "x" }));
    expect(res.status).toBe(415);
    const ok = proxy(request(rsvp, { method: "POST", headers: { cookie, origin: site, "sec-fetch-site": "same-origin", "content-type": "application/json" }, body: "{}" }));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("x-middleware-next")).toBe("1");
  });

  it("bearer tokens are judged by the token alone, from anywhere, as before", () => {
    const res = proxy(request(rsvp, { method: "POST", headers: { cookie, authorization: "Bearer ct_xxxxxxxxxxxx", origin: "http://evil.example", "content-type": "text/plain" }, body: "{}" }));
    expect(res.headers.get("x-middleware-next")).toBe("1");
  });

  it("reads are never refused, and the origin behind a proxy is the one the browser addressed", () => {
    expect(proxy(request("/api/activities", { headers: { cookie, origin: "http://evil.example" } })).headers.get("x-middleware-next")).toBe("1");
    const behindProxy = proxy(
      request(rsvp, { method: "DELETE", headers: { cookie, host: "10.0.0.5:3000", "x-forwarded-host": "hub.example.org", origin: "https://hub.example.org" } }),
    );
    expect(behindProxy.headers.get("x-middleware-next")).toBe("1");
  });
});

describe("an address carrying a NUL is refused before any page or query reads it", () => {
  it("a NUL in a page's query (the mailbox's `to`, a search) is a 400 page saying what is wrong", async () => {
    for (const path of ["/dev/mailbox?to=%00", "/activities?q=walk%00", "/groups/a%00b", "/projects?%00=1"]) {
      const res = proxy(request(path));
      expect(res.status, path).toBe(400);
      expect(res.headers.get("x-middleware-next"), path).toBeNull();
      expect(await res.text(), path).toContain("it contains a NUL character (%00)");
      expect(res.headers.get("content-security-policy"), path).toBeTruthy();
    }
  });

  it("on the API (next-auth's routes too) it is a 400 in the API's JSON shape", async () => {
    for (const path of ["/api/activities?from=%00", "/api/auth/%00", "/api/projects/%00"]) {
      const res = proxy(request(path));
      expect(res.status, path).toBe(400);
      expect(await res.json(), path).toEqual({ error: { code: "invalid_query", message: expect.stringContaining("NUL character") } });
    }
  });

  it("an ordinary address, and a malformed %-sequence in a query (read as literal text), pass", () => {
    for (const path of ["/dev/mailbox?to=someone%40example.com", "/activities?q=100%25", "/activities?q=%zz"]) {
      expect(proxy(request(path)).headers.get("x-middleware-next"), path).toBe("1");
    }
  });
});
