import { describe, expect, it } from "vitest";
import { GET as getActivity } from "@/app/api/activities/[id]/route";
import { GET as listActivitiesRoute } from "@/app/api/activities/route";
import { makeActivity, makeGroup } from "./helpers/factories";

const list = (query: string) => listActivitiesRoute(new Request(`http://hub.test/api/activities?${query}`));
const one = (id: string) => getActivity(new Request(`http://hub.test/api/activities/${id}`), { params: Promise.resolve({ id }) });

describe("GET /api/activities", () => {
  it("returns each activity with its facts, capacity, going count, waitlist length and spots left", async () => {
    const group = await makeGroup();
    const a = await makeActivity(group.id, { capacity: 10, goingCount: 7, waitlistCount: 0, stepFree: true, firstTimerFriendly: true, kind: "volunteer" });
    const res = await list(`group=${group.slug}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(1);
    expect(body.activities[0]).toMatchObject({
      id: a.id,
      kind: "volunteer",
      capacity: 10,
      goingCount: 7,
      waitlistLength: 0,
      spotsLeft: 3,
      firstTimerFriendly: true,
      accessibility: { stepFree: true, seatingAvailable: false, quietSpace: false },
      group: { slug: group.slug },
    });
    expect(body.activities[0].startsAt).toBe(a.startsAt.toISOString());
  });

  it("answers a bad parameter with 400 and a body naming the field", async () => {
    const res = await list("energy=lava&page=0&tz=Mars/Olympus");
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("invalid_query");
    expect(Object.keys(body.error.fields)).toEqual(["tz"]);
    const res2 = await list("energy=lava&page=0&perPage=1000&from=2026-13-01");
    const body2 = await res2.json();
    expect(res2.status).toBe(400);
    expect(Object.keys(body2.error.fields).sort()).toEqual(["energy", "from", "page", "perPage"]);
    expect(body2.error.fields.energy).toMatch(/low, medium, high/);
  });

  it("never lists a private group's activities to someone outside the group", async () => {
    const group = await makeGroup({ visibility: "private" });
    await makeActivity(group.id);
    const body = await (await list(`group=${group.slug}`)).json();
    expect(body.activities).toEqual([]);
    expect(body.total).toBe(0);
  });
});

describe("GET /api/activities/:id", () => {
  it("returns the activity with its Markdown description", async () => {
    const group = await makeGroup();
    const a = await makeActivity(group.id, { description: "Bring **gloves**.", meetingPoint: "By the blue gate" });
    const res = await one(a.id);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.activity).toMatchObject({ id: a.id, description: "Bring **gloves**.", spotsLeft: null });
    // The go-together meeting point is for the paired members' notifications only.
    expect(JSON.stringify(body)).not.toContain("blue gate");
  });

  it("answers 404 for an unknown id, a malformed id, and a private group's activity", async () => {
    const hidden = await makeActivity((await makeGroup({ visibility: "private" })).id);
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-an-id", hidden.id]) {
      const res = await one(id);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe("not_found");
    }
  });
});

describe("dates at the edge of the calendar", () => {
  it("answers 400 naming the field for years the database cannot hold, in any zone", async () => {
    for (const query of ["from=0000-01-01", "to=0000-12-31&when=custom", "from=0001-01-01&tz=Asia/Kolkata", "from=9999-12-31"]) {
      const res = await list(query);
      expect(res.status, query).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe("invalid_query");
      expect(Object.keys(body.error.fields).some((f) => f === "from" || f === "to")).toBe(true);
    }
  });

  it("the activity form refuses a year out of range beside the field", async () => {
    const { activityInputSchema } = await import("@/lib/validation/activity");
    const r = activityInputSchema.safeParse({ kind: "walk", title: "Ancient walk", startsLocal: "0000-06-01T10:00", endsLocal: "0000-06-01T11:00", timezone: "Europe/London", placeName: "Park", energyLevel: "low", talkLevel: "quiet" });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => String(i.path[0]));
    expect(paths).toEqual(expect.arrayContaining(["startsLocal", "endsLocal"]));
    expect(r.error!.issues.find((i) => i.path[0] === "startsLocal")!.message).toMatch(/between 2000 and 2200/);
  });
});

describe("times the clocks skip", () => {
  it("the activity form refuses a start or end in the hour the clocks go forward, naming the zone", async () => {
    const { activityInputSchema } = await import("@/lib/validation/activity");
    const base = { kind: "walk", title: "Night walk", timezone: "Europe/London", placeName: "Park", energyLevel: "low", talkLevel: "quiet" };
    const gap = activityInputSchema.safeParse({ ...base, startsLocal: "2027-03-28T01:30", endsLocal: "2027-03-28T03:00" });
    expect(gap.success).toBe(false);
    const issue = gap.error!.issues.find((i) => i.path[0] === "startsLocal");
    expect(issue?.message).toMatch(/clocks go forward that night in Europe\/London, so 01:30 doesn't exist/);
    expect(activityInputSchema.safeParse({ ...base, startsLocal: "2027-03-28T00:30", endsLocal: "2027-03-28T03:00" }).success).toBe(true);
    // The hour the clocks go back exists (twice) and is accepted.
    expect(activityInputSchema.safeParse({ ...base, startsLocal: "2027-10-31T01:30", endsLocal: "2027-10-31T02:30" }).success).toBe(true);
  });
});
