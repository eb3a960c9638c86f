import { asc, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { standingPlaceAction } from "@/app/activities/[id]/_components/standing-place-actions";
import MailboxPage from "@/app/dev/mailbox/page";
import { getDb } from "@/db/client";
import { createActivity } from "@/db/mutations/activities";
import { createGroup } from "@/db/mutations/groups";
import { respondToActivity } from "@/db/mutations/rsvps";
import { savePlan } from "@/db/mutations/plan";
import { holdStandingPlace } from "@/db/mutations/standing-places";
import { getSuggestions } from "@/db/queries/plan";
import { activities } from "@/db/schema";
import { reloadEnv } from "@/lib/env";
import { activityInputSchema } from "@/lib/validation/activity";
import { planInputSchema } from "@/lib/validation/connection";
import { groupInputSchema } from "@/lib/validation/group";
import { makeUser } from "./helpers/factories";
import { actAs } from "./helpers/session";

vi.mock("@/server/auth/config", async (original) => (await import("./helpers/session")).mockAuthConfig(await original()));
vi.mock("next/headers", async () => (await import("./helpers/session")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("./helpers/session")).mockNextCache());

/*
 * What the hub says after something happens must be what happened.
 */

async function weeklySeries(capacity: number, times = { from: "10:00", to: "11:00" }) {
  const owner = await makeUser();
  const group = await createGroup(owner, groupInputSchema.parse({ name: "Millbrook Walkers", agreements: "Listening over fixing." }));
  if (!group.ok) throw new Error(group.message);
  const day = DateTime.now().setZone("Europe/London").plus({ days: 2 }).toFormat("yyyy-MM-dd");
  const input = activityInputSchema.parse({
    kind: "walk",
    title: "Tuesday canal walk",
    startsLocal: `${day}T${times.from}`,
    endsLocal: `${day}T${times.to}`,
    timezone: "Europe/London",
    placeName: "Lock 4",
    energyLevel: "low",
    talkLevel: "quiet",
    capacity,
    repeat: "weekly",
  });
  const created = await createActivity(owner, group.data.id, input);
  if (!created.ok) throw new Error(created.message);
  const db = await getDb();
  const occurrences = await db.select().from(activities).where(eq(activities.seriesId, created.data.seriesId!)).orderBy(asc(activities.startsAt));
  return { seriesId: created.data.seriesId!, occurrences, db, weekday: DateTime.fromISO(day).weekday };
}

function skipForm() {
  const form = new FormData();
  form.set("intent", "skip");
  return form;
}

describe("skipping one date of a standing place", () => {
  it("with nobody waiting, says the place is open for someone else, not that it went to the next person waiting", async () => {
    const { seriesId, occurrences } = await weeklySeries(3);
    const holder = await makeUser();
    await holdStandingPlace(holder, seriesId);
    actAs(holder);
    const answer = await standingPlaceAction(occurrences[0].id, seriesId, null, skipForm());
    expect(answer).toEqual({ ok: true, data: { message: "Skipped. Your place this time is open for someone else to take." } });
  });

  it("with someone waiting, says the place went to them", async () => {
    const { seriesId, occurrences, db } = await weeklySeries(1);
    const holder = await makeUser();
    await holdStandingPlace(holder, seriesId);
    const waiting = await makeUser();
    await respondToActivity(db, { activityId: occurrences[0].id, userId: waiting.id, status: "going" });
    actAs(holder);
    const answer = await standingPlaceAction(occurrences[0].id, seriesId, null, skipForm());
    expect(answer).toEqual({ ok: true, data: { message: "Skipped. Your place this time has gone to the next person waiting." } });
  });

  it("from the waitlist, says they have left the waitlist for that date", async () => {
    const { seriesId, occurrences, db } = await weeklySeries(1);
    const first = await makeUser();
    await respondToActivity(db, { activityId: occurrences[0].id, userId: first.id, status: "going" });
    const holder = await makeUser();
    await holdStandingPlace(holder, seriesId);
    actAs(holder);
    const answer = await standingPlaceAction(occurrences[0].id, seriesId, null, skipForm());
    expect(answer).toEqual({ ok: true, data: { message: "Skipped. You've left the waitlist for this one." } });
  });
});

describe("the development mailbox", () => {
  async function mailboxWords(nodeEnv: string, mailbox: "on" | "auto") {
    const env = process.env as Record<string, string | undefined>;
    const before = { nodeEnv: env.NODE_ENV, mailbox: env.DEV_MAILBOX };
    env.NODE_ENV = nodeEnv;
    env.DEV_MAILBOX = mailbox;
    reloadEnv();
    try {
      return renderToStaticMarkup(await MailboxPage({ searchParams: Promise.resolve({}) }));
    } finally {
      env.NODE_ENV = before.nodeEnv;
      if (before.mailbox === undefined) delete env.DEV_MAILBOX;
      else env.DEV_MAILBOX = before.mailbox;
      reloadEnv();
    }
  }

  it("served in production because DEV_MAILBOX=on, says so rather than that it is never served in production", async () => {
    const html = await mailboxWords("production", "on");
    expect(html).toContain("This server shows this page because DEV_MAILBOX=on is set.");
    expect(html).not.toContain("never served in production");
  });

  it("outside production, says when it is served", async () => {
    expect(await mailboxWords("test", "auto")).toContain("This page is served outside production (DEV_MAILBOX=off turns it off), and in production only when DEV_MAILBOX=on is set.");
  });
});

describe("suggestions for a brand-new member", () => {
  it("offer one date of a weekly series, and call its kind new to them rather than not tried lately", async () => {
    // At an hour no other test uses, and the newcomer is free just then: other files' activities stay out of the list.
    const { occurrences, weekday } = await weeklySeries(5, { from: "04:10", to: "04:50" });
    const newcomer = await makeUser();
    await savePlan(newcomer.id, planInputSchema.parse({ weeklyTotalGoal: 1, freeTimes: [{ day: weekday, from: "04:00", to: "05:00" }] }));
    const suggestions = await getSuggestions(newcomer.id, "Europe/London", { limit: 5 });
    const dates = new Set(occurrences.map((o) => o.id));
    const ofSeries = suggestions.filter((s) => dates.has(s.id));
    expect(ofSeries).toHaveLength(1);
    expect(ofSeries[0].reasons).toContain("new to you: walks");
    expect(suggestions.flatMap((s) => s.reasons).join(" ")).not.toMatch(/lately/);
  });
});
