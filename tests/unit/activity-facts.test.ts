import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ActivityFacts } from "@/app/activities/[id]/_components/activity-facts";
import type { ActivityDetail } from "@/db/queries/activities";

const now = new Date("2026-12-01T12:00:00Z");

function activity(overrides: Partial<ActivityDetail> = {}): ActivityDetail {
  return {
    id: "00000000-0000-4000-8000-000000000001",
    title: "Late walk",
    kind: "walk",
    status: "scheduled",
    startsAt: new Date("2026-12-05T23:30:00Z"),
    endsAt: new Date("2026-12-06T00:30:00Z"),
    timezone: "Europe/London",
    group: { slug: "walkers", name: "Walkers", visibility: "public" },
    placeName: "Riverside gate",
    address: "",
    neighbourhood: null,
    latitude: null,
    longitude: null,
    online: false,
    onlineUrl: null,
    energyLevel: "low",
    talkLevel: "quiet",
    stepFree: false,
    seatingAvailable: false,
    quietSpace: false,
    lateArrivalOk: true,
    substanceFree: false,
    firstTimerFriendly: false,
    capacity: 12,
    goingCount: 5,
    waitlistLength: 0,
    spotsLeft: 7,
    rsvpCutoff: null,
    seriesId: null,
    projectId: null,
    distanceKm: null,
    description: "",
    meetingPoint: null,
    groupId: "00000000-0000-4000-8000-000000000002",
    sequence: 0,
    cancelledAt: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

const render = (a: ActivityDetail, viewerZone: string, viewerZoneKnown = true) =>
  renderToStaticMarkup(createElement(ActivityFacts, { activity: a, viewerZone, viewerZoneKnown, now })).replace(/<!-- -->/g, "");

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("an activity's facts", () => {
  it("shows the viewer's time with the date of an end that falls on the next day", () => {
    const html = text(render(activity({ startsAt: new Date("2026-12-05T22:30:00Z"), endsAt: new Date("2026-12-05T23:30:00Z") }), "Europe/Berlin"));
    expect(html).toContain("Your time: Sat 5 Dec 2026, 23:30 – Sun 6 Dec 2026, 00:30 (Europe/Berlin)");
  });

  it("labels the site's zone as such, not as the viewer's, when the browser has not told us theirs", () => {
    const html = text(render(activity(), "America/New_York", false));
    expect(html).toContain("Times in America/New_York: Sat 5 Dec 2026, 18:30–19:30");
    expect(html).not.toContain("Your time");
  });

  it("names zones by their current names", () => {
    const html = text(render(activity({ timezone: "Asia/Calcutta" }), "Asia/Calcutta"));
    expect(html).toContain("Asia/Kolkata");
    expect(html).not.toContain("Calcutta");
  });

  it("says no places are left on an activity that has finished", () => {
    const html = text(render(activity({ startsAt: new Date("2026-11-20T10:00:00Z"), endsAt: new Date("2026-11-20T12:00:00Z") }), "Europe/London"));
    expect(html).not.toContain("places left");
    expect(html).toContain("None: it has finished");
  });

  it("an online-only activity shows its link, not 'Place to be confirmed'", () => {
    const html = text(render(activity({ placeName: "", online: true, onlineUrl: "https://meet.example.org/walk" }), "Europe/London"));
    expect(html).not.toContain("Place to be confirmed");
    expect(html).toContain("Online: https://meet.example.org/walk");
  });

  it("an online activity whose link the viewer may not see says the link appears once they RSVP", () => {
    const html = text(render(activity({ placeName: "", online: true, onlineUrl: null }), "Europe/London"));
    expect(html).not.toContain("Place to be confirmed");
    expect(html).toContain("The link appears once you RSVP");
    expect(html).not.toContain("meet.example.org");
  });

  it("says which of two 01:30s an activity starts at when the clocks go back", () => {
    const html = text(render(activity({ startsAt: new Date("2027-10-31T00:30:00Z"), endsAt: new Date("2027-10-31T02:00:00Z") }), "Europe/London"));
    expect(html).toContain("this is 01:30 BST, the first of the two");
  });
});
