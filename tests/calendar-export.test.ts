import { DateTime } from "luxon";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as calendarRoute } from "@/app/activities/[id]/calendar.ics/route";
import { createApiToken } from "@/db/mutations/api-tokens";
import { reloadEnv } from "@/lib/env";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";

const download = (id: string, token?: string) =>
  calendarRoute(new Request(`http://hub.test/activities/${id}/calendar.ics`, { headers: token ? { authorization: `Bearer ${token}` } : {} }), { params: Promise.resolve({ id }) });

describe("GET /activities/:id/calendar.ics", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    reloadEnv();
  });

  it("gives anyone a public activity as one calendar event that links back to its page", async () => {
    const group = await makeGroup();
    const a = await makeActivity(group.id, { title: "Canal walk, gentle", placeName: "Lock 4", address: "Towpath" });
    const res = await download(a.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/calendar/);
    const ics = (await res.text()).replace(/\r\n /g, "");
    expect(ics).toContain(`UID:${a.id}@common-thread`);
    expect(ics).toContain("SUMMARY:Canal walk\\, gentle");
    expect(ics).toContain("LOCATION:Lock 4\\, Towpath");
    expect(ics).toContain(`URL;VALUE=URI:http://hub.test/activities/${a.id}`);
    // Times are written in the activity's zone, with that zone described in a VTIMEZONE.
    const local = DateTime.fromJSDate(a.startsAt, { zone: a.timezone }).toFormat("yyyyMMdd'T'HHmmss");
    expect(ics).toContain(`DTSTART;TZID=${a.timezone}:${local}`);
    expect(ics).toContain(`BEGIN:VTIMEZONE\r\nTZID:${a.timezone}`);
    expect(ics).toContain(`ORGANIZER;CN="${group.name}":mailto:`);
  });

  it("links back to the site's public address behind a proxy, not to where the server listens", async () => {
    vi.stubEnv("TRUST_PROXY", "true");
    reloadEnv();
    const group = await makeGroup();
    const a = await makeActivity(group.id);
    const res = await calendarRoute(
      new Request(`http://127.0.0.1:3000/activities/${a.id}/calendar.ics`, { headers: { "x-forwarded-host": "hub.example.org", "x-forwarded-proto": "https" } }),
      { params: Promise.resolve({ id: a.id }) },
    );
    const ics = (await res.text()).replace(/\r\n /g, "");
    expect(ics).toContain(`URL;VALUE=URI:https://hub.example.org/activities/${a.id}`);
    expect(ics).not.toContain("127.0.0.1");
  });

  it("without a proxy in front, a forged X-Forwarded-Host cannot change the link, and caches keep one copy per host", async () => {
    const group = await makeGroup();
    const a = await makeActivity(group.id);
    const res = await calendarRoute(
      new Request(`http://hub.test/activities/${a.id}/calendar.ics`, { headers: { host: "hub.test", "x-forwarded-host": "evil.example", "x-forwarded-proto": "http" } }),
      { params: Promise.resolve({ id: a.id }) },
    );
    const ics = (await res.text()).replace(/\r\n /g, "");
    expect(ics).toContain(`URL;VALUE=URI:https://hub.test/activities/${a.id}`);
    expect(ics).not.toContain("evil.example");
    expect(res.headers.get("vary")).toMatch(/\bHost\b/);
  });

  it("with SITE_URL set, links always name it, whatever the request says", async () => {
    vi.stubEnv("SITE_URL", "https://thread.example.org/");
    vi.stubEnv("TRUST_PROXY", "true");
    reloadEnv();
    const group = await makeGroup();
    const a = await makeActivity(group.id);
    const res = await calendarRoute(
      new Request(`http://127.0.0.1:3000/activities/${a.id}/calendar.ics`, { headers: { host: "evil.example", "x-forwarded-host": "evil.example" } }),
      { params: Promise.resolve({ id: a.id }) },
    );
    const ics = (await res.text()).replace(/\r\n /g, "");
    expect(ics).toContain(`URL;VALUE=URI:https://thread.example.org/activities/${a.id}`);
    expect(ics).not.toContain("evil.example");
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
  });

  it("marks a cancelled activity cancelled", async () => {
    const group = await makeGroup();
    const a = await makeActivity(group.id, { status: "cancelled", cancelledAt: new Date(), sequence: 1 });
    const ics = await (await download(a.id)).text();
    expect(ics).toContain("STATUS:CANCELLED");
    expect(ics).toContain("SEQUENCE:1");
  });

  it("a private group's activity is 404 to outsiders and never cached; its members get it", async () => {
    const group = await makeGroup({ visibility: "private" });
    const a = await makeActivity(group.id, { title: "Circle evening" });
    const outsider = await makeUser();
    const member = await makeUser();
    await addMember(group.id, member.id);
    expect((await download(a.id)).status).toBe(404);
    const outsiderRes = await download(a.id, (await createApiToken(outsider.id, "cal")).token);
    expect(outsiderRes.status).toBe(404);
    expect(await outsiderRes.text()).not.toContain("Circle evening");
    const memberRes = await download(a.id, (await createApiToken(member.id, "cal")).token);
    expect(memberRes.status).toBe(200);
    expect(memberRes.headers.get("cache-control")).toBe("private, no-store");
    expect(await memberRes.text()).toContain("SUMMARY:Circle evening");
  });

  it("an unknown, malformed or hidden activity is 404, never a 500", async () => {
    const group = await makeGroup();
    const hidden = await makeActivity(group.id, { hiddenAt: new Date() });
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-an-id", hidden.id]) expect((await download(id)).status).toBe(404);
  });
});
