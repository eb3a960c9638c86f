import { describe, expect, it } from "vitest";
import { SHARED_CACHE_CONTROL, sharedCacheHeaders } from "@/lib/shared-caching";

const h = (init: Record<string, string> = {}) => new Headers(init);

describe("what shared caches may keep", () => {
  it("lets a cache keep public pages asked for with no cookie, briefly", () => {
    for (const path of ["/", "/activities", "/activities/0f6c1a2b-0000-4000-8000-000000000000", "/groups", "/groups/millbrook-walkers", "/projects", "/projects/abc", "/help"]) {
      expect(sharedCacheHeaders("GET", path, h()), path).toEqual({ "Cache-Control": SHARED_CACHE_CONTROL });
    }
    expect(SHARED_CACHE_CONTROL).toContain("s-maxage=30");
    expect(SHARED_CACHE_CONTROL).toContain("stale-while-revalidate=60");
  });

  it("never for a request with any cookie or credentials, a write, an organizer's or member's page, or the API", () => {
    expect(sharedCacheHeaders("GET", "/activities", h({ cookie: "authjs.session-token=x" }))).toBeNull();
    expect(sharedCacheHeaders("GET", "/activities", h({ cookie: "tz=Europe/Paris" }))).toBeNull();
    expect(sharedCacheHeaders("GET", "/activities", h({ authorization: "Bearer ct_x" }))).toBeNull();
    expect(sharedCacheHeaders("POST", "/activities", h())).toBeNull();
    for (const path of ["/me/plan", "/account", "/notifications", "/groups/new", "/groups/g/manage", "/groups/g/reports", "/activities/a/edit", "/activities/a/organize", "/admin/reports", "/api/activities", "/dev/mailbox", "/members/x"]) {
      expect(sharedCacheHeaders("GET", path, h()), path).toBeNull();
    }
  });
});
