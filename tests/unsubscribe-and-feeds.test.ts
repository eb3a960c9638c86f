import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { POST as oneClickUnsubscribe } from "@/app/api/unsubscribe/[token]/route";
import { GET as feedRoute } from "@/app/feeds/[file]/route";
import { getDb } from "@/db/client";
import { createCalendarFeed, renewCalendarFeed, revokeCalendarFeed } from "@/db/mutations/calendar-feeds";
import { notify } from "@/db/mutations/notifications";
import { respondToActivity } from "@/db/mutations/rsvps";
import { getEmailPreferences } from "@/db/queries/email";
import { listCalendarFeeds } from "@/db/queries/calendar-feeds";
import { emailOutbox, memberships } from "@/db/schema";
import { unsubscribeToken } from "@/lib/email/unsubscribe";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";

const unsubscribe = (token: string) =>
  oneClickUnsubscribe(new Request(`http://hub.test/api/unsubscribe/${token}`, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } }), {
    params: Promise.resolve({ token }),
  });

const feed = (token: string) => feedRoute(new Request(`http://hub.test/feeds/${token}.ics`), { params: Promise.resolve({ file: `${token}.ics` }) });

function parseFeed(ics: string) {
  const root = new ICAL.Component(ICAL.parse(ics));
  for (const tz of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  return root.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

describe("one-click unsubscribe", () => {
  it("works without signing in: that kind of email stops, the notice still comes in-app", async () => {
    const member = await makeUser();
    const res = await unsubscribe(unsubscribeToken(member.id, "organizer_message"));
    expect(res.status).toBe(200);
    expect((await getEmailPreferences(member.id)).organizer_message).toBe(false);
    expect((await getEmailPreferences(member.id)).activity_cancelled).toBe(true);
    const db = await getDb();
    await db.transaction((tx) => notify(tx, { userId: member.id, type: "organizer_message", title: "Bring gloves" }));
    expect(await db.select().from(emailOutbox).where(and(eq(emailOutbox.userId, member.id), eq(emailOutbox.type, "organizer_message")))).toHaveLength(0);
  });

  it("cannot be forged: another member, another kind, a made-up signature or another site's key are all refused", async () => {
    const victim = await makeUser();
    const attacker = await makeUser();
    const mine = unsubscribeToken(attacker.id, "reminder");
    const [, signature] = mine.split(".");
    const forgedPayload = Buffer.from(`${victim.id}:reminder`).toString("base64url");
    const otherKey = crypto.createHmac("sha256", "not the site's secret").update(forgedPayload).digest("base64url");
    const otherKind = Buffer.from(`${attacker.id}:activity_cancelled`).toString("base64url");
    for (const token of [`${forgedPayload}.${signature}`, `${forgedPayload}.${otherKey}`, `${otherKind}.${signature}`, `${forgedPayload}.`, "nonsense", `${mine}x`]) {
      const res = await unsubscribe(token);
      expect(res.status).toBe(404);
    }
    expect(await getEmailPreferences(victim.id)).toMatchObject({ reminder: true, activity_cancelled: true });
    expect(await getEmailPreferences(attacker.id)).toMatchObject({ reminder: true, activity_cancelled: true });
  });
});

describe("private calendar feeds", () => {
  it("my feed has my upcoming and last month's activities, cancelled ones marked, at unguessable revocable addresses", async () => {
    const group = await makeGroup();
    const member = await makeUser();
    const db = await getDb();
    const soon = await makeActivity(group.id, { title: "Soon walk", startsInHours: 48 });
    const cancelled = await makeActivity(group.id, { title: "Called-off walk", startsInHours: 72 });
    const lastWeek = await makeActivity(group.id, { title: "Last week's walk", startsInHours: -24 * 7 });
    const longAgo = await makeActivity(group.id, { title: "Long ago walk", startsInHours: -24 * 40 });
    const notMine = await makeActivity(group.id, { title: "Someone else's walk", startsInHours: 24 });
    for (const a of [soon, cancelled]) await respondToActivity(db, { activityId: a.id, userId: member.id, status: "going" });
    const { rsvps, activities } = await import("@/db/schema");
    for (const a of [lastWeek, longAgo]) await db.insert(rsvps).values({ activityId: a.id, userId: member.id, status: "going" });
    await db.update(activities).set({ status: "cancelled", cancelledAt: new Date(), sequence: 1 }).where(eq(activities.id, cancelled.id));

    const created = await createCalendarFeed(member.id, null);
    if (!created.ok) throw new Error("feed not created");
    expect(created.token).toMatch(/^cf_[A-Za-z0-9_-]{43}$/);
    const res = await feed(created.token);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const events = parseFeed(await res.text());
    expect(events.map((e) => e.summary).sort()).toEqual(["Called-off walk", "Last week's walk", "Soon walk"]);
    expect(events.find((e) => e.summary === "Called-off walk")!.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(events.map((e) => e.summary)).not.toContain(notMine.title);

    expect(await revokeCalendarFeed(member.id, created.id)).toBe(true);
    expect((await feed(created.token)).status).toBe(404);
    expect((await feed(`cf_${"A".repeat(43)}`)).status).toBe(404);
  });

  it("a renewed address replaces the old one at once", async () => {
    const member = await makeUser();
    const created = await createCalendarFeed(member.id, null);
    if (!created.ok) throw new Error("feed not created");
    const other = await makeUser();
    expect((await renewCalendarFeed(other.id, created.id)).ok).toBe(false);
    const renewed = await renewCalendarFeed(member.id, created.id);
    if (!renewed.ok) throw new Error("not renewed");
    expect((await feed(created.token)).status).toBe(404);
    expect((await feed(renewed.token)).status).toBe(200);
    // The same feed with a new address: the member's list still holds it, once.
    expect(renewed.id).toBe(created.id);
    expect((await listCalendarFeeds(member.id)).map((f) => f.id)).toEqual([created.id]);
  });

  it("a private group's activities are never in the feed of someone who is not a member", async () => {
    const circle = await makeGroup({ visibility: "private" });
    const member = await makeUser();
    const outsider = await makeUser();
    await addMember(circle.id, member.id);
    const evening = await makeActivity(circle.id, { title: "Circle evening", startsInHours: 30 });
    const db = await getDb();
    await respondToActivity(db, { activityId: evening.id, userId: member.id, status: "going" });

    expect((await createCalendarFeed(outsider.id, circle.id)).ok).toBe(false);
    const groupFeed = await createCalendarFeed(member.id, circle.id);
    const mine = await createCalendarFeed(member.id, null);
    if (!groupFeed.ok || !mine.ok) throw new Error("feeds not created");
    expect(await (await feed(groupFeed.token)).text()).toContain("Circle evening");
    expect(await (await feed(mine.token)).text()).toContain("Circle evening");

    // Once they are no longer a member, neither feed shows the circle's activities.
    await db.delete(memberships).where(and(eq(memberships.groupId, circle.id), eq(memberships.userId, member.id)));
    expect((await feed(groupFeed.token)).status).toBe(404);
    const after = await (await feed(mine.token)).text();
    expect(after).not.toContain("Circle evening");
  });

  it("keeps local time across a daylight-saving change, read by a real calendar parser", async () => {
    const group = await makeGroup();
    const member = await makeUser();
    await addMember(group.id, member.id);
    const year = new Date().getUTCFullYear() + 1;
    // Europe/London: 10:00 on the Sunday before the clocks go forward is 10:00 UTC; the Sunday after, 09:00 UTC.
    const lastSunday = (month: number) => {
      const d = new Date(Date.UTC(year, month + 1, 0));
      return d.getUTCDate() - d.getUTCDay();
    };
    const change = lastSunday(2);
    const before = new Date(Date.UTC(year, 2, change - 7, 10));
    const after = new Date(Date.UTC(year, 2, change + 7, 9));
    for (const [i, startsAt] of [before, after].entries()) {
      await makeActivity(group.id, { title: `Spring walk ${i}`, startsAt, endsAt: new Date(startsAt.getTime() + 3600_000), timezone: "Europe/London" } as never);
    }
    const created = await createCalendarFeed(member.id, group.id);
    if (!created.ok) throw new Error("feed not created");
    const events = parseFeed(await (await feed(created.token)).text()).filter((e) => e.summary.startsWith("Spring walk"));
    expect(events).toHaveLength(2);
    for (const e of events) {
      expect(e.startDate.hour).toBe(10);
      expect(e.startDate.zone?.tzid).toBe("Europe/London");
    }
    expect(events.map((e) => e.startDate.toJSDate().toISOString()).sort()).toEqual([before.toISOString(), after.toISOString()]);
  });
});
