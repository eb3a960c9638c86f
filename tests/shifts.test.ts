import { and, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { describe, expect, it, vi } from "vitest";

vi.mock("@/server/auth/config", async (original) => (await import("./helpers/session")).mockAuthConfig(await original()));
vi.mock("next/headers", async () => (await import("./helpers/session")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("./helpers/session")).mockNextCache());

import { GET as calendarRoute } from "@/app/activities/[id]/calendar.ics/route";
import { GET as csvRoute } from "@/app/activities/[id]/organize/attendees.csv/route";
import { setSlotsAction } from "@/app/activities/[id]/organize/slot-actions";
import { leaveSlotAction, takeSlotAction } from "@/app/activities/[id]/_components/slot-actions";
import { GET as activityRoute, PATCH as patchRoute } from "@/app/api/activities/[id]/route";
import { DELETE as leaveRoute, POST as takeRoute } from "@/app/api/activities/[id]/slots/[slotId]/route";
import { getDb } from "@/db/client";
import { deleteAccount } from "@/db/mutations/account-deletion";
import { createApiToken } from "@/db/mutations/api-tokens";
import { requestGuestRsvp } from "@/db/mutations/guest-rsvps";
import { respondToActivity } from "@/db/mutations/rsvps";
import { SLOTS_ASK_NO_QUESTIONS, setRsvpQuestions } from "@/db/mutations/rsvp-questions";
import { leaveSlot, setActivitySlots, takeSlot } from "@/db/mutations/slots";
import { getActivityPageData } from "@/db/queries/activity-page";
import { getCalendarActivity, listMemberFeedActivities } from "@/db/queries/calendar";
import { activityCalendarEvent } from "@/lib/activity-calendar";
import { toICalendar } from "@/lib/ical";
import { activities, activitySlots, notifications, rsvps, slotSignups, type Activity } from "@/db/schema";
import { parseQuestionSlots } from "@/lib/rsvp-questions";
import { parseSlotLines, slotsToText } from "@/lib/validation/slots";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";
import { actAs } from "./helpers/session";

const ZONE = "Europe/London";

/** A volunteer day two days ahead, 09:00–15:00 London time, with no limit of its own. */
async function volunteerDay(overrides: Partial<Parameters<typeof makeActivity>[1]> = {}) {
  const group = await makeGroup();
  const organizer = await makeUser({ name: "Olu Organizer" });
  await addMember(group.id, organizer.id, "organizer");
  const day = DateTime.now().setZone(ZONE).plus({ days: 2 }).startOf("day");
  const activity = await makeActivity(group.id, {
    kind: "volunteer",
    placeName: "The food bank",
    timezone: ZONE,
    startsAt: day.set({ hour: 9 }).toJSDate(),
    endsAt: day.set({ hour: 15 }).toJSDate(),
    ...overrides,
  });
  return { group, organizer, activity, day };
}

async function withSlots(activity: Activity, organizerId: string, lines: string) {
  const parsed = parseSlotLines(lines, activity);
  if (!parsed.ok) throw new Error(parsed.message);
  const result = await setActivitySlots({ activityId: activity.id, actorId: organizerId, slots: parsed.slots });
  expect(result.ok).toBe(true);
  const db = await getDb();
  return db.select().from(activitySlots).where(eq(activitySlots.activityId, activity.id)).orderBy(activitySlots.startsAt);
}

async function state(activityId: string) {
  const db = await getDb();
  const [a] = await db.select().from(activities).where(eq(activities.id, activityId));
  const slots = await db.select().from(activitySlots).where(eq(activitySlots.activityId, activityId)).orderBy(activitySlots.startsAt);
  const signups = await db.select().from(slotSignups).where(eq(slotSignups.activityId, activityId));
  const going = await db.select().from(rsvps).where(and(eq(rsvps.activityId, activityId), eq(rsvps.status, "going")));
  return { activity: a, slots, signups, going: going.map((r) => r.userId).sort() };
}

async function members(groupId: string, n: number) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const u = await makeUser({ name: `Helper ${i + 1}` });
    await addMember(groupId, u.id);
    out.push(u);
  }
  return out;
}

function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
}

describe("time slots: taking, leaving and waiting", () => {
  it("taking a slot with room gives a place in it and makes the member going to the activity", async () => {
    const { group, organizer, activity } = await volunteerDay();
    const [morning] = await withSlots(activity, organizer.id, "09:00-11:00 2\n11:00-13:00 1");
    const [ana] = await members(group.id, 1);
    const result = await takeSlot(await getDb(), { activityId: activity.id, slotId: morning.id, userId: ana.id });
    expect(result).toMatchObject({ ok: true, changed: true, activityGoing: true, state: { status: "going", label: "09:00–11:00" } });
    const after = await state(activity.id);
    expect(after.going).toEqual([ana.id]);
    expect(after.activity.goingCount).toBe(1);
    expect(after.slots.map((s) => s.goingCount)).toEqual([1, 0]);
    // Taking it again changes nothing.
    expect(await takeSlot(await getDb(), { activityId: activity.id, slotId: morning.id, userId: ana.id })).toMatchObject({ ok: true, changed: false });
    expect((await state(activity.id)).slots[0].goingCount).toBe(1);
  });

  it("a full slot puts the next member on its own waitlist, and a freed place goes to them at once, with a notice", async () => {
    const { group, organizer, activity } = await volunteerDay();
    const [, midday] = await withSlots(activity, organizer.id, "09:00-11:00 2\n11:00-13:00 1");
    const [ana, ben, cal] = await members(group.id, 3);
    const db = await getDb();
    await takeSlot(db, { activityId: activity.id, slotId: midday.id, userId: ana.id });
    expect(await takeSlot(db, { activityId: activity.id, slotId: midday.id, userId: ben.id })).toMatchObject({ ok: true, state: { status: "waitlisted", position: 1 }, activityGoing: false });
    expect(await takeSlot(db, { activityId: activity.id, slotId: midday.id, userId: cal.id })).toMatchObject({ ok: true, state: { status: "waitlisted", position: 2 } });
    let now = await state(activity.id);
    expect(now.slots[1]).toMatchObject({ goingCount: 1, waitlistCount: 2 });
    expect(now.going).toEqual([ana.id]);

    const left = await leaveSlot(db, { activityId: activity.id, slotId: midday.id, userId: ana.id });
    expect(left).toMatchObject({ ok: true, changed: true, activityGoing: false });
    now = await state(activity.id);
    expect(now.slots[1]).toMatchObject({ goingCount: 1, waitlistCount: 1 });
    expect(now.going).toEqual([ben.id]);
    expect(now.activity.goingCount).toBe(1);
    const [told] = await db.select().from(notifications).where(and(eq(notifications.userId, ben.id), eq(notifications.type, "waitlist_promoted")));
    expect(told.title).toContain("11:00–13:00");
    // Cal moved up the slot's line.
    const page = await getActivityPageData(activity.id, cal.id);
    expect(page?.slots[1]).toMatchObject({ mine: "waitlisted", position: 1, goingCount: 1, waitlistCount: 1 });
  });

  it("holding two slots and leaving one keeps the member going; leaving the last takes them off the activity", async () => {
    const { group, organizer, activity } = await volunteerDay();
    const [morning, midday] = await withSlots(activity, organizer.id, "09:00-11:00 2\n11:00-13:00 2");
    const [ana] = await members(group.id, 1);
    const db = await getDb();
    await takeSlot(db, { activityId: activity.id, slotId: morning.id, userId: ana.id });
    await takeSlot(db, { activityId: activity.id, slotId: midday.id, userId: ana.id });
    expect((await state(activity.id)).activity.goingCount).toBe(1);
    expect(await leaveSlot(db, { activityId: activity.id, slotId: morning.id, userId: ana.id })).toMatchObject({ ok: true, activityGoing: true });
    expect((await state(activity.id)).going).toEqual([ana.id]);
    expect(await leaveSlot(db, { activityId: activity.id, slotId: midday.id, userId: ana.id })).toMatchObject({ ok: true, activityGoing: false });
    const after = await state(activity.id);
    expect(after.going).toEqual([]);
    expect(after.activity.goingCount).toBe(0);
    expect(after.signups).toEqual([]);
  });

  it("on a slotted activity, 'Going' is taken through a slot, and saying not this time gives up every slot to those waiting", async () => {
    const { group, organizer, activity } = await volunteerDay();
    const [morning] = await withSlots(activity, organizer.id, "09:00-11:00 1");
    const [ana, ben] = await members(group.id, 2);
    const db = await getDb();
    const refused = await respondToActivity(db, { activityId: activity.id, userId: ana.id, status: "going" });
    expect(refused).toMatchObject({ ok: false, code: "closed" });
    expect(!refused.ok && refused.message).toMatch(/time slots/);
    await takeSlot(db, { activityId: activity.id, slotId: morning.id, userId: ana.id });
    await takeSlot(db, { activityId: activity.id, slotId: morning.id, userId: ben.id });
    expect(await respondToActivity(db, { activityId: activity.id, userId: ana.id, status: "not_going" })).toMatchObject({ ok: true, state: { status: "not_going" } });
    const after = await state(activity.id);
    expect(after.going).toEqual([ben.id]);
    expect(after.slots[0]).toMatchObject({ goingCount: 1, waitlistCount: 0 });
    expect(after.activity.goingCount).toBe(1);
  });

  it("guests are offered only member sign-up on a slotted activity", async () => {
    const { organizer, activity } = await volunteerDay();
    await withSlots(activity, organizer.id, "09:00-11:00 3");
    const result = await requestGuestRsvp(await getDb(), { activityId: activity.id, email: `guest-${Date.now()}@test.example`, firstName: "Gia" });
    expect(result).toMatchObject({ ok: false, code: "closed" });
    expect(!result.ok && result.message).toMatch(/members/);
    const page = await getActivityPageData(activity.id, null);
    expect(page?.slots).toHaveLength(1);
    expect(page?.slots[0].mine).toBeNull();
  });

  it("a member who deletes their account frees their slot for the first in its line", async () => {
    const { group, organizer, activity } = await volunteerDay();
    const [morning] = await withSlots(activity, organizer.id, "09:00-11:00 1");
    const [ana, ben] = await members(group.id, 2);
    const db = await getDb();
    await takeSlot(db, { activityId: activity.id, slotId: morning.id, userId: ana.id });
    await takeSlot(db, { activityId: activity.id, slotId: morning.id, userId: ben.id });
    expect(await deleteAccount(ana.id)).toEqual({ ok: true });
    const after = await state(activity.id);
    expect(after.going).toEqual([ben.id]);
    expect(after.slots[0]).toMatchObject({ goingCount: 1, waitlistCount: 0 });
    expect(after.activity.goingCount).toBe(1);
  });
});

describe("time slots: what organizers may set", () => {
  it("an activity has either time slots or questions on RSVP, never both: each is refused while the other is there, and nothing changes", async () => {
    const { organizer, activity } = await volunteerDay();
    const question = parseQuestionSlots([{ id: "", prompt: "T-shirt size", kind: "choice", required: true, choices: "S\nM\nL" }]);
    if (!question.ok) throw new Error("the question should parse");
    await withSlots(activity, organizer.id, "09:00-11:00 3");
    const asked = await setRsvpQuestions({ activityId: activity.id, actorId: organizer.id, questions: question.questions });
    expect(asked).toMatchObject({ ok: false, message: SLOTS_ASK_NO_QUESTIONS() });
    expect((await state(activity.id)).activity.rsvpQuestions).toEqual([]);

    const { organizer: otherOrganizer, activity: other } = await volunteerDay();
    expect(await setRsvpQuestions({ activityId: other.id, actorId: otherOrganizer.id, questions: question.questions })).toMatchObject({ ok: true, count: 1 });
    const lines = parseSlotLines("09:00-11:00 3", other);
    if (!lines.ok) throw new Error(lines.message);
    expect(await setActivitySlots({ activityId: other.id, actorId: otherOrganizer.id, slots: lines.slots })).toMatchObject({ ok: false, message: SLOTS_ASK_NO_QUESTIONS() });
    expect((await state(other.id)).slots).toEqual([]);
    // Removing the slots lets questions be asked.
    expect(await setActivitySlots({ activityId: activity.id, actorId: organizer.id, slots: [] })).toMatchObject({ ok: true });
    expect(await setRsvpQuestions({ activityId: activity.id, actorId: organizer.id, questions: question.questions })).toMatchObject({ ok: true, count: 1 });
  });

  async function save(activity: Activity, organizerId: string, lines: string) {
    actAs({ id: organizerId });
    return setSlotsAction(null, form({ activityId: activity.id, slots: lines }));
  }

  it.each([
    ["overlapping slots", "09:00-11:00 2\n10:30-12:00 2", /overlap/],
    ["a zero-length slot", "10:00-10:00 2", /end after it starts/],
    ["a reversed slot", "11:00-10:00 2", /end comes before the start/],
    ["a slot outside the activity's time", "14:00-16:00 2", /outside the activity's own time/],
    ["no places", "09:00-11:00 0", /whole number from 1/],
    ["part of a place", "09:00-11:00 2.5", /whole number from 1/],
    ["words for places", "09:00-11:00 lots", /whole number from 1/],
    ["too many slots", Array.from({ length: 25 }, (_, i) => `${String(9 + Math.floor(i / 5)).padStart(2, "0")}:${String((i % 5) * 10).padStart(2, "0")}-${String(9 + Math.floor(i / 5)).padStart(2, "0")}:${String((i % 5) * 10 + 5).padStart(2, "0")}`).join("\n"), /at most 24/],
    ["a line that is no slot", "morning shift", /start and end time/],
  ])("refuses %s with a message beside the field, and changes nothing", async (_name, lines, message) => {
    const { organizer, activity } = await volunteerDay();
    await withSlots(activity, organizer.id, "09:00-11:00 3");
    const result = await save(activity, organizer.id, lines);
    expect(result).toMatchObject({ ok: false, code: "invalid_input", text: lines });
    expect(result && !result.ok && result.fieldErrors?.slots).toMatch(message);
    const after = await state(activity.id);
    expect(after.slots.map((s) => s.capacity)).toEqual([3]);
    expect(after.activity.slotCount).toBe(1);
  });

  it("writes slots back as the lines typed, a slot past midnight with its end's date", async () => {
    const day = DateTime.fromISO("2027-05-01T20:00", { zone: ZONE });
    const bounds = { startsAt: day.toJSDate(), endsAt: day.plus({ hours: 8 }).toJSDate(), timezone: ZONE };
    const parsed = parseSlotLines("20:00-23:00 4\n23:00-2027-05-02 01:00\n2027-05-02 01:00-04:00 2", bounds);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.slots.map((s) => (s.endsAt.getTime() - s.startsAt.getTime()) / 3600_000)).toEqual([3, 2, 3]);
    expect(slotsToText(parsed.slots, bounds)).toBe("20:00-23:00 4\n23:00-2027-05-02 01:00\n2027-05-02 01:00-04:00 2");
  });

  it("refuses to remove a slot someone holds, or to shrink it below those going, naming the slot", async () => {
    const { group, organizer, activity } = await volunteerDay();
    const [morning] = await withSlots(activity, organizer.id, "09:00-11:00 3\n11:00-13:00 3");
    const [ana, ben] = await members(group.id, 2);
    await takeSlot(await getDb(), { activityId: activity.id, slotId: morning.id, userId: ana.id });
    await takeSlot(await getDb(), { activityId: activity.id, slotId: morning.id, userId: ben.id });
    const removed = await save(activity, organizer.id, "11:00-13:00 3");
    expect(removed && !removed.ok && removed.fieldErrors?.slots).toMatch(/09:00–11:00 slot has 2 going .* can't be removed/);
    const shrunk = await save(activity, organizer.id, "09:00-11:00 1\n11:00-13:00 3");
    expect(shrunk && !shrunk.ok && shrunk.fieldErrors?.slots).toMatch(/can't go below 2/);
    const after = await state(activity.id);
    expect(after.slots.map((s) => [s.capacity, s.goingCount])).toEqual([[3, 2], [3, 0]]);
    expect(after.going).toEqual([ana.id, ben.id].sort());
    // Removing the empty slot and keeping the held one works.
    expect(await save(activity, organizer.id, "09:00-11:00 2")).toMatchObject({ ok: true });
    expect((await state(activity.id)).slots.map((s) => [s.capacity, s.goingCount])).toEqual([[2, 2]]);
  });

  it("more places in a full slot go at once to those waiting for it", async () => {
    const { group, organizer, activity } = await volunteerDay();
    const [morning] = await withSlots(activity, organizer.id, "09:00-11:00 1");
    const [ana, ben] = await members(group.id, 2);
    await takeSlot(await getDb(), { activityId: activity.id, slotId: morning.id, userId: ana.id });
    await takeSlot(await getDb(), { activityId: activity.id, slotId: morning.id, userId: ben.id });
    expect(await save(activity, organizer.id, "09:00-11:00 2")).toMatchObject({ ok: true });
    const after = await state(activity.id);
    expect(after.slots[0]).toMatchObject({ capacity: 2, goingCount: 2, waitlistCount: 0 });
    expect(after.going).toEqual([ana.id, ben.id].sort());
  });

  it("an activity with its own place limit is asked to drop it before taking slots", async () => {
    const { organizer, activity } = await volunteerDay({ capacity: 10 });
    const result = await save(activity, organizer.id, "09:00-11:00 3");
    expect(result && !result.ok && result.fieldErrors?.slots).toMatch(/own limit of 10 places/);
    expect((await state(activity.id)).slots).toEqual([]);
  });

  it("editing a slotted activity cannot give it its own place limit, or move its times off a slot", async () => {
    const { organizer, activity, day } = await volunteerDay();
    await withSlots(activity, organizer.id, "09:00-11:00 3");
    actAs(null);
    const { token } = await createApiToken(organizer.id, "edit");
    const patch = (body: object) =>
      patchRoute(new Request(`http://hub.test/api/activities/${activity.id}`, { method: "PATCH", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) }), { params: Promise.resolve({ id: activity.id }) });
    const limited = await patch({ capacity: 5 });
    expect(limited.status).toBe(400);
    const limitedBody = await limited.json();
    expect(limitedBody.error.fields?.capacity, JSON.stringify(limitedBody)).toMatch(/places are set per slot/);
    const moved = await patch({ startsLocal: day.set({ hour: 10 }).toFormat("yyyy-MM-dd'T'HH:mm") });
    expect(moved.status).toBe(400);
    expect((await moved.json()).error.fields.startsLocal).toMatch(/time slot .* would fall outside/);
    const after = await state(activity.id);
    expect(after.activity.capacity).toBeNull();
    expect(after.activity.startsAt.getTime()).toBe(activity.startsAt.getTime());
    expect((await patch({ title: "Sorting day, with tea" })).status).toBe(200);
  });

  it("a member who is not an organizer cannot set slots", async () => {
    const { group, activity } = await volunteerDay();
    const [ana] = await members(group.id, 1);
    expect(await save(activity, ana.id, "09:00-11:00 3")).toMatchObject({ ok: false, code: "forbidden" });
    expect((await state(activity.id)).slots).toEqual([]);
  });
});

describe("time slots in the page's actions, the CSV, the calendar and the API", () => {
  it("the take and leave buttons answer in words", async () => {
    const { group, organizer, activity } = await volunteerDay();
    const [morning] = await withSlots(activity, organizer.id, "09:00-11:00 1");
    const [ana] = await members(group.id, 1);
    actAs(ana);
    const took = await takeSlotAction(null, form({ activityId: activity.id, slotId: morning.id }));
    expect(took).toMatchObject({ ok: true, data: { message: "You're in the 09:00–11:00 slot. See you there." } });
    const left = await leaveSlotAction(null, form({ activityId: activity.id, slotId: morning.id }));
    expect(left && left.ok && left.data.message).toMatch(/left the 09:00–11:00 slot, and with it your place/);
    const nonsense = await takeSlotAction(null, form({ activityId: activity.id, slotId: "not-a-slot" }));
    expect(nonsense).toMatchObject({ ok: false, code: "not_found" });
  });

  it("the attendee CSV has a slot column, marking places in a slot's line", async () => {
    const { group, organizer, activity } = await volunteerDay();
    const [morning, midday] = await withSlots(activity, organizer.id, "09:00-11:00 1\n11:00-13:00 2");
    const [ana, ben] = await members(group.id, 2);
    const db = await getDb();
    await takeSlot(db, { activityId: activity.id, slotId: morning.id, userId: ana.id });
    await takeSlot(db, { activityId: activity.id, slotId: midday.id, userId: ana.id });
    await takeSlot(db, { activityId: activity.id, slotId: morning.id, userId: ben.id });
    const { token } = await createApiToken(organizer.id, "csv");
    const res = await csvRoute(new Request(`http://hub.test/activities/${activity.id}/organize/attendees.csv`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ id: activity.id }) });
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split("\r\n");
    // The slot column follows the columns every activity has; "still coming" and any questions come after it.
    const header = lines[0].split(",");
    const column = header.indexOf("slots");
    expect(header.slice(column - 2, column + 2)).toEqual(["guest", "guest_email", "slots", "still_coming_at"]);
    expect(lines.find((l) => l.startsWith(ana.name))?.split(",")[column]).toBe("09:00–11:00; 11:00–13:00");
    const benRow = lines.find((l) => l.startsWith(ben.name))?.split(",");
    expect(benRow?.[1]).toBe("slot waitlist only");
    expect(benRow?.[column]).toBe("09:00–11:00 (waitlist #1)");
  });

  it("a member's own calendar entry, and their feed, run over the slots they hold", async () => {
    const { group, organizer, activity, day } = await volunteerDay();
    const [, midday, afternoon] = await withSlots(activity, organizer.id, "09:00-11:00\n11:00-13:00\n13:00-15:00");
    const [ana] = await members(group.id, 1);
    await takeSlot(await getDb(), { activityId: activity.id, slotId: midday.id, userId: ana.id });
    const { token } = await createApiToken(ana.id, "cal");
    const res = await calendarRoute(new Request(`http://hub.test/activities/${activity.id}/calendar.ics`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ id: activity.id }) });
    const ics = (await res.text()).replace(/\r\n /g, "");
    expect(ics).toContain(`DTSTART;TZID=${ZONE}:${day.toFormat("yyyyMMdd")}T110000`);
    expect(ics).toContain(`DTEND;TZID=${ZONE}:${day.toFormat("yyyyMMdd")}T130000`);
    expect(ics).toContain("Your time slot: 11:00–13:00");
    expect(res.headers.get("cache-control")).toMatch(/private/);
    // A visitor's file is the whole activity.
    const visitor = (await (await calendarRoute(new Request(`http://hub.test/activities/${activity.id}/calendar.ics`), { params: Promise.resolve({ id: activity.id }) })).text()).replace(/\r\n /g, "");
    expect(visitor).toContain(`DTSTART;TZID=${ZONE}:${day.toFormat("yyyyMMdd")}T090000`);
    await takeSlot(await getDb(), { activityId: activity.id, slotId: afternoon.id, userId: ana.id });
    const [inFeed] = (await listMemberFeedActivities(ana.id)).filter((a) => a.id === activity.id);
    expect(inFeed.mySlots?.map((s) => s.startsAt.toISOString())).toEqual([midday.startsAt.toISOString(), afternoon.startsAt.toISOString()]);
    // An email's calendar attachment for her runs over her slots too, so it never resets her entry to the whole day.
    const attached = toICalendar([activityCalendarEvent((await getCalendarActivity(activity.id, ana.id))!, "http://hub.test")], "Common Thread").replace(/\r\n /g, "");
    expect(attached).toContain(`DTSTART;TZID=${ZONE}:${day.toFormat("yyyyMMdd")}T110000`);
    expect(attached).toContain(`DTEND;TZID=${ZONE}:${day.toFormat("yyyyMMdd")}T150000`);
    const forAddress = toICalendar([activityCalendarEvent((await getCalendarActivity(activity.id, null))!, "http://hub.test")], "Common Thread").replace(/\r\n /g, "");
    expect(forAddress).toContain(`DTSTART;TZID=${ZONE}:${day.toFormat("yyyyMMdd")}T090000`);
  });

  it("the JSON API lists slots with the caller's place, and takes and leaves them", async () => {
    const { group, organizer, activity } = await volunteerDay();
    const [morning] = await withSlots(activity, organizer.id, "09:00-11:00 1\n11:00-13:00");
    const other = await volunteerDay();
    const [foreign] = await withSlots(other.activity, other.organizer.id, "09:00-11:00 1");
    const [ana, ben] = await members(group.id, 2);
    actAs(null);
    const tokenOf = async (id: string) => (await createApiToken(id, "api")).token;
    const [anaToken, benToken] = [await tokenOf(ana.id), await tokenOf(ben.id)];
    const call = (handler: typeof takeRoute, method: string, slotId: string, token?: string) =>
      handler(new Request(`http://hub.test/api/activities/${activity.id}/slots/${slotId}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} }), { params: Promise.resolve({ id: activity.id, slotId }) });

    const took = await call(takeRoute, "POST", morning.id, anaToken);
    expect(took.status).toBe(200);
    expect(await took.json()).toMatchObject({ slot: { id: morning.id, status: "going", capacity: 1, goingCount: 1 }, going: true, changed: true });
    const waited = await call(takeRoute, "POST", morning.id, benToken);
    expect(await waited.json()).toMatchObject({ slot: { status: "waitlisted", position: 1 }, going: false });
    expect((await call(takeRoute, "POST", morning.id)).status).toBe(401);
    expect((await call(takeRoute, "POST", foreign.id, anaToken)).status).toBe(404);
    expect((await call(takeRoute, "POST", "nope", anaToken)).status).toBe(404);

    const read = await activityRoute(new Request(`http://hub.test/api/activities/${activity.id}`, { headers: { authorization: `Bearer ${benToken}` } }), { params: Promise.resolve({ id: activity.id }) });
    const { activity: json } = await read.json();
    expect(json.slots).toHaveLength(2);
    expect(json.slots[0]).toMatchObject({ id: morning.id, capacity: 1, goingCount: 1, waitlistLength: 1, spotsLeft: 0, mine: "waitlisted", position: 1 });
    expect(json.slots[1]).toMatchObject({ capacity: null, spotsLeft: null, mine: null });

    const left = await call(leaveRoute, "DELETE", morning.id, anaToken);
    expect(await left.json()).toMatchObject({ slot: { status: "none", goingCount: 1, waitlistLength: 0 }, going: false, changed: true });
    expect((await state(activity.id)).going).toEqual([ben.id]);
  });

  it("nothing is taken once the activity has started", async () => {
    const group = await makeGroup();
    const organizer = await makeUser();
    await addMember(group.id, organizer.id, "organizer");
    const activity = await makeActivity(group.id, { startsInHours: -1, endsAt: new Date(Date.now() + 3 * 3600_000) });
    const db = await getDb();
    const [slot] = await db.insert(activitySlots).values({ activityId: activity.id, startsAt: activity.startsAt, endsAt: activity.endsAt, capacity: 2 }).returning();
    await db.update(activities).set({ slotCount: 1 }).where(eq(activities.id, activity.id));
    const [ana] = await members(group.id, 1);
    expect(await takeSlot(db, { activityId: activity.id, slotId: slot.id, userId: ana.id })).toMatchObject({ ok: false, code: "closed" });
  });
});
