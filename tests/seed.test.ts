import crypto from "node:crypto";
import { and, eq, gt, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "@/db/client";
import { migrationsFolder } from "@/db/migrate";
import * as schema from "@/db/schema";
import { demoSeedRefusal, seedDemoIfEmpty } from "@/db/seed";
import { buildDemoTown } from "@/db/seed-data/build";
import { localInstant } from "@/db/seed-data/calendar";
import { verifyPassword } from "@/lib/passwords";
import { horizonFrom, occurrencesBetween } from "@/lib/recurrence";
import { runMigrationsAt } from "./helpers/migrate-url";

/*
 * The demo town needs an empty database of its own: on PostgreSQL the shared test database
 * already holds other files' members, so each seeding here gets a fresh, migrated one.
 */

const ZONE = "Europe/London";
const cleanups: (() => Promise<void>)[] = [];

async function freshDatabase(): Promise<Db> {
  const url = inject("testDatabaseUrl");
  if (url) {
    const { Client, Pool } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const name = `ct_seed_${crypto.randomBytes(4).toString("hex")}`;
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${name}`;
    await runMigrationsAt(target.toString());
    const pool = new Pool({ connectionString: target.toString() });
    // pool.end() resolves before its connections have finished closing on the server, so the
    // forced drop below may cut one that is still closing: expected here, not a test failure.
    pool.on("connect", (client) => client.on("error", () => undefined));
    pool.on("error", () => undefined);
    cleanups.push(async () => {
      await pool.end();
      const drop = new Client({ connectionString: url });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    });
    return drizzle(pool, { schema }) as unknown as Db;
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const client = await PGlite.create();
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  cleanups.push(() => client.close());
  return db as unknown as Db;
}

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

const countOf = async (db: Db, table: typeof schema.users | typeof schema.activities | typeof schema.rsvps | typeof schema.memberships) => {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
  return Number(row.n);
};

describe("the demo town of Millbrook", () => {
  const now = new Date();
  let db: Db;
  let firstRun: boolean[];

  beforeAll(async () => {
    db = await freshDatabase();
    // Two servers starting at once: exactly one of them seeds.
    firstRun = await Promise.all([seedDemoIfEmpty(db, { now }), seedDemoIfEmpty(db, { now })]);
  });

  it("is seeded once even when two processes start together, and again changes nothing", async () => {
    expect(firstRun.filter(Boolean)).toHaveLength(1);
    const before = await Promise.all([schema.users, schema.activities, schema.rsvps, schema.memberships].map((t) => countOf(db, t)));
    expect(await seedDemoIfEmpty(db, { now })).toBe(false);
    const after = await Promise.all([schema.users, schema.activities, schema.rsvps, schema.memberships].map((t) => countOf(db, t)));
    expect(after).toEqual(before);
  });

  it("has six or more groups with agreements, one of them private and approval-only", async () => {
    const groups = await db.select().from(schema.groups);
    expect(groups.length).toBeGreaterThanOrEqual(6);
    expect(groups.every((g) => g.about.length > 0 && /listening over fixing/i.test(g.agreements) && /stays here/i.test(g.agreements))).toBe(true);
    const hidden = groups.filter((g) => g.visibility === "private");
    expect(hidden).toHaveLength(1);
    expect(hidden[0].joinPolicy).toBe("approval");
    // Only the private group has an invite code, and it is long enough not to be guessed.
    expect(hidden[0].inviteCode).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(groups.filter((g) => g.inviteCode !== null)).toHaveLength(1);
  });

  it("offers 60+ upcoming activities of all three kinds within six weeks, recurring ones linked to their series", async () => {
    const sixWeeks = new Date(now.getTime() + 42 * 86_400_000);
    const upcoming = await db
      .select()
      .from(schema.activities)
      .where(and(gt(schema.activities.startsAt, now), lt(schema.activities.startsAt, sixWeeks), eq(schema.activities.status, "scheduled")));
    expect(upcoming.length).toBeGreaterThanOrEqual(60);
    expect(new Set(upcoming.map((a) => a.kind))).toEqual(new Set(["volunteer", "walk", "hobby"]));
    expect(new Set(upcoming.map((a) => a.energyLevel)).size).toBe(3);
    expect(new Set(upcoming.map((a) => a.talkLevel)).size).toBe(3);
    expect(upcoming.some((a) => a.capacity === null)).toBe(true);
    for (const flag of ["substanceFree", "firstTimerFriendly", "stepFree", "quietSpace"] as const) {
      expect(new Set(upcoming.map((a) => a[flag]))).toEqual(new Set([true, false]));
    }
    expect(upcoming.every((a) => a.latitude !== null && a.address.length > 0 && a.timezone === ZONE)).toBe(true);
    // Sensible local hours, whatever the server's own zone is.
    expect(upcoming.every((a) => { const h = DateTime.fromJSDate(a.startsAt, { zone: ZONE }).hour; return h >= 8 && h <= 20; })).toBe(true);

    const seriesRows = await db.select().from(schema.series);
    expect(seriesRows.length).toBeGreaterThanOrEqual(5);
    const linked = upcoming.filter((a) => a.seriesId !== null);
    expect(linked.length).toBeGreaterThanOrEqual(20);
    for (const s of seriesRows) {
      const occurrences = await db.select().from(schema.activities).where(eq(schema.activities.seriesId, s.id));
      const seeded = occurrences.map((a) => a.startsAt.getTime()).sort((x, y) => x - y);
      expect(seeded.length).toBeGreaterThan(0);
      // The stored rule is the one the app extends the series with: it gives back exactly
      // the seeded occurrences, and carries on past the seeded window at the same local time.
      const fromRule = occurrencesBetween(s.rrule, s.timezone, s.durationMinutes, new Date(seeded[0] - 1), s.generatedUntil);
      expect(fromRule.map((o) => o.startsAt.getTime())).toEqual(seeded);
      const later = occurrencesBetween(s.rrule, s.timezone, s.durationMinutes, s.generatedUntil, horizonFrom(s.generatedUntil));
      expect(later.length).toBeGreaterThan(0);
      for (const o of later) expect(DateTime.fromJSDate(o.startsAt, { zone: s.timezone }).toFormat("HH:mm")).toBe(s.localStartTime);
    }
  });

  it("keeps every going and waitlist count equal to its RSVPs and within capacity", async () => {
    const rows = (await db.execute(sql`
      select a.id, a.capacity, a.going_count, a.waitlist_count,
             count(r.*) filter (where r.status = 'going')::int as going,
             count(r.*) filter (where r.status = 'waitlisted')::int as waitlisted
      from activities a left join rsvps r on r.activity_id = a.id
      group by a.id`)) as unknown as { rows: { capacity: number | null; going_count: number; waitlist_count: number; going: number; waitlisted: number }[] };
    expect(rows.rows.length).toBeGreaterThanOrEqual(60);
    for (const a of rows.rows) {
      expect(a.going_count).toBe(a.going);
      expect(a.waitlist_count).toBe(a.waitlisted);
      if (a.capacity !== null) expect(a.going).toBeLessThanOrEqual(a.capacity);
      if (a.waitlisted > 0) expect(a.going).toBe(a.capacity);
    }
    expect(rows.rows.some((a) => a.capacity !== null && a.going === a.capacity && a.waitlisted >= 2)).toBe(true);
    expect(rows.rows.some((a) => a.capacity !== null && a.going === a.capacity - 1)).toBe(true);
  });

  it("has 30+ members, past activities with attendance, and task claims matching their counts", async () => {
    expect(await countOf(db, schema.users)).toBeGreaterThanOrEqual(33);
    // Demo members count as having confirmed their email: they get reminders like anyone.
    expect(await db.select({ id: schema.users.id }).from(schema.users).where(isNull(schema.users.emailVerifiedAt))).toEqual([]);
    const attended = await db.select().from(schema.rsvps).where(isNotNull(schema.rsvps.attendance));
    expect(attended.length).toBeGreaterThan(0);
    const tasks = (await db.execute(sql`
      select t.claimed_count, t.places_needed, count(c.*)::int as claims
      from tasks t left join task_claims c on c.task_id = t.id group by t.id`)) as unknown as { rows: { claimed_count: number; places_needed: number; claims: number }[] };
    expect(tasks.rows.length).toBeGreaterThan(4);
    for (const t of tasks.rows) {
      expect(t.claimed_count).toBe(t.claims);
      expect(t.claims).toBeLessThanOrEqual(t.places_needed);
    }
    const memberships = await db.select().from(schema.memberships);
    expect(memberships.every((m) => m.agreementsAcceptedAt !== null)).toBe(true);
  });

  it("shows one nearly complete project and one just started, with tasks from home, Sam's verified hours and a kind discussion", async () => {
    const { rows: projects } = (await db.execute(sql`
      select p.id, p.status, p.description,
        (select sum(t.places_needed)::int from tasks t where t.project_id = p.id) as needed,
        (select sum(t.claimed_count)::int from tasks t where t.project_id = p.id) as filled,
        (select count(*)::int from tasks t where t.project_id = p.id and t.from_home and t.claimed_count < t.places_needed) as open_from_home,
        (select coalesce(sum(c.hours), 0)::float from task_claims c join tasks t on t.id = c.task_id where t.project_id = p.id and c.status = 'verified') as hours
      from projects p`)) as unknown as { rows: { id: string; status: string; description: string; needed: number; filled: number; open_from_home: number; hours: number }[] };
    expect(projects.length).toBeGreaterThanOrEqual(2);
    const nearly = projects.find((p) => p.filled / p.needed >= 0.8 && p.filled < p.needed);
    const started = projects.find((p) => p.filled > 0 && p.filled / p.needed <= 0.25);
    expect(nearly).toMatchObject({ status: "active" });
    expect(nearly!.hours).toBeGreaterThan(0);
    expect(started).toMatchObject({ status: "active", hours: 0 });
    for (const p of [nearly!, started!]) {
      expect(p.description).not.toBe("");
      expect(p.open_from_home).toBeGreaterThan(0);
    }
    const [sam] = await db.select().from(schema.users).where(eq(schema.users.email, "member@example.com"));
    const { rows: mine } = (await db.execute(sql`
      select coalesce(sum(hours), 0)::float as total, count(*) filter (where verified_at is null)::int as unstamped
      from task_claims where user_id = ${sam.id} and status = 'verified'`)) as unknown as { rows: { total: number; unstamped: number }[] };
    expect(mine[0].total).toBeGreaterThan(0);
    expect(mine[0].unstamped).toBe(0);
    const { accusingOpening } = await import("@/lib/kind-words");
    const bodies = (await db.select({ body: schema.comments.body }).from(schema.comments)).map((c) => c.body);
    expect(bodies.some((b) => /^I (feel|find|'d find)\b/.test(b) && b.includes("could"))).toBe(true);
    expect(bodies.every((b) => accusingOpening(b) === null)).toBe(true);
  });

  it("lets the three demo accounts sign in with the password commonthread, each in their role", async () => {
    const byEmail = async (email: string) => (await db.select().from(schema.users).where(eq(schema.users.email, email)))[0];
    const [member, organizer, admin] = await Promise.all(["member@example.com", "organizer@example.com", "admin@example.com"].map(byEmail));
    for (const account of [member, organizer, admin]) {
      expect(await verifyPassword(account.passwordHash, "commonthread")).toBe(true);
      expect(await verifyPassword(account.passwordHash, "not-the-password")).toBe(false);
    }
    expect(member.name).toBe("Sam Member");
    expect(organizer.name).toBe("Alex Organizer");
    expect(admin.role).toBe("admin");

    const groupsOf = (userId: string) =>
      db.select({ role: schema.memberships.role, visibility: schema.groups.visibility }).from(schema.memberships)
        .innerJoin(schema.groups, eq(schema.groups.id, schema.memberships.groupId)).where(eq(schema.memberships.userId, userId));
    const samGroups = await groupsOf(member.id);
    expect(samGroups).toHaveLength(3);
    expect(samGroups.every((g) => g.visibility === "public")).toBe(true);
    const led = (await groupsOf(organizer.id)).filter((g) => g.role !== "member");
    expect(led.length).toBeGreaterThanOrEqual(3);
    expect(led.some((g) => g.visibility === "private")).toBe(true);

    const week = new Date(now.getTime() + 7 * 86_400_000);
    const samThisWeek = await db.select().from(schema.rsvps)
      .innerJoin(schema.activities, eq(schema.activities.id, schema.rsvps.activityId))
      .where(and(eq(schema.rsvps.userId, member.id), eq(schema.rsvps.status, "going"), gt(schema.activities.startsAt, now), lt(schema.activities.startsAt, week)));
    expect(samThisWeek.length).toBeGreaterThanOrEqual(2);
    expect((await db.select().from(schema.users).where(eq(schema.users.listedAsGoing, true))).length).toBeGreaterThan(5);
  });
});

describe("demo town times", () => {
  it("converts London wall-clock times to the right instants on both sides of daylight saving", () => {
    const winter = DateTime.fromObject({ year: 2026, month: 11, day: 28 }, { zone: ZONE });
    const summer = DateTime.fromObject({ year: 2027, month: 4, day: 3 }, { zone: ZONE });
    expect(localInstant(winter, "10:00", ZONE).toUTC().toISO()).toBe("2026-11-28T10:00:00.000Z");
    expect(localInstant(summer, "10:00", ZONE).toUTC().toISO()).toBe("2027-04-03T09:00:00.000Z");
  });

  it("keeps a weekly series at the same London hour across the March clock change", async () => {
    const db = await freshDatabase();
    const now = new Date("2027-03-10T12:00:00Z");
    expect(await seedDemoIfEmpty(db, { now })).toBe(true);
    const rows = await db.select({ startsAt: schema.activities.startsAt, local: schema.series.localStartTime, zone: schema.series.timezone, rrule: schema.series.rrule })
      .from(schema.activities).innerJoin(schema.series, eq(schema.series.id, schema.activities.seriesId));
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows) expect(DateTime.fromJSDate(r.startsAt, { zone: r.zone }).toFormat("HH:mm")).toBe(r.local);
    const saturdays = rows.filter((r) => /RRULE:FREQ=WEEKLY(;INTERVAL=1)?$/.test(r.rrule) && r.local === "10:00" && DateTime.fromJSDate(r.startsAt, { zone: r.zone }).weekday === 6);
    const utcHours = new Set(saturdays.map((r) => r.startsAt.getUTCHours()));
    expect(utcHours).toEqual(new Set([10, 9]));
  });

  it("builds the same town twice from the same moment", () => {
    const now = new Date("2026-11-25T19:00:00Z");
    expect(buildDemoTown(now, "hash")).toEqual(buildDemoTown(now, "hash"));
    // The private circle's invite link stays the same from one seeding to the next.
    const codes = (at: Date) => buildDemoTown(at, "hash").groups.map((g) => g.inviteCode);
    expect(codes(now)).toEqual(codes(new Date("2027-06-01T08:00:00Z")));
  });
});

describe("the production guard", () => {
  it("refuses the demo password on a production PostgreSQL unless SEED_DEMO=true", () => {
    const url = "postgres://db.example/hub";
    expect(demoSeedRefusal({ nodeEnv: "production", databaseUrl: url, seedDemo: "auto" })).toMatch(/Refusing/);
    expect(demoSeedRefusal({ nodeEnv: "production", databaseUrl: url, seedDemo: "true" })).toBeNull();
    expect(demoSeedRefusal({ nodeEnv: "production", seedDemo: "auto" })).toBeNull();
    expect(demoSeedRefusal({ nodeEnv: "development", databaseUrl: url, seedDemo: "auto" })).toBeNull();
  });
});

describe("Sam's private side of the demo town", () => {
  it("has a plan half met this week, a partner with a check-in due, two reflections and the milestones its facts reach", async () => {
    const { weekBounds } = await import("@/lib/connection/weeks");
    const { currentPeriod } = await import("@/lib/connection/rhythm");
    for (const offset of [0, 1, 2, 3, 4, 5, 6]) {
      const now = new Date(Date.now() + offset * 86_400_000);
      const town = buildDemoTown(now, "x");
      const sam = town.users.find((u) => u.email === "member@example.com")!.id!;
      const byId = new Map(town.activities.map((a) => [a.id, a]));
      const { start, end } = weekBounds(now, ZONE);
      const thisWeek = town.rsvps.filter((r) => r.userId === sam && (r.status === "going" || r.attendance === "attended") && r.attendance !== "no_show" && byId.get(r.activityId)!.status !== "cancelled" && byId.get(r.activityId)!.startsAt >= start && byId.get(r.activityId)!.startsAt < end).length;
      const [plan] = town.connectionPlans;
      expect(thisWeek).toBeGreaterThan(0);
      expect(plan.weeklyTotalGoal).toBe(thisWeek * 2);
      const [pair] = town.partnerships;
      expect(pair).toMatchObject({ status: "active", inviteeId: sam });
      const period = currentPeriod("weekly_meeting", pair.weeklyDay!, ZONE, now);
      expect(town.checkIns.filter((c) => c.createdAt! >= period.start)).toEqual([]);
      expect(town.reflections.filter((r) => r.userId === sam)).toHaveLength(2);
      for (const r of town.reflections) expect(town.rsvps.find((x) => x.activityId === r.activityId && x.userId === sam)?.attendance).toBe("attended");
      expect(town.milestones.length).toBeGreaterThanOrEqual(3);
    }
  });

  it("gives her mix one gentle idea whatever the day and hour the town is seeded", async () => {
    const { rankSuggestions } = await import("@/lib/connection/suggestions");
    const { mixSuggestion } = await import("@/lib/connection/mix");
    const DAY = 86_400_000;
    for (let hours = 0; hours < 14 * 24; hours += 5) {
      const now = new Date(Date.now() + hours * 3_600_000);
      const town = buildDemoTown(now, "x");
      const sam = town.users.find((u) => u.email === "member@example.com")!.id!;
      const groupName = new Map(town.groups.map((g) => [g.id!, g.name]));
      const byId = new Map(town.activities.map((a) => [a.id!, a]));
      const answered = new Set(town.rsvps.filter((r) => r.userId === sam).map((r) => r.activityId));
      const attended = town.rsvps.filter((r) => r.userId === sam && r.attendance === "attended").map((r) => byId.get(r.activityId)!);
      const recent = attended.filter((a) => a.startsAt.getTime() >= now.getTime() - 28 * DAY && a.startsAt <= now);
      const candidates = town.activities
        .filter((a) => a.startsAt > now && a.startsAt.getTime() < now.getTime() + 14 * DAY && a.status === "scheduled" && (!a.rsvpCutoff || a.rsvpCutoff > now))
        .map((a) => ({
          id: a.id!, title: a.title, description: a.description ?? "", kind: a.kind!, groupId: a.groupId, groupName: groupName.get(a.groupId)!,
          seriesId: a.seriesId ?? null, startsAt: a.startsAt, endsAt: a.endsAt, energyLevel: a.energyLevel!,
          spotsLeft: a.capacity == null ? null : (a.waitlistCount ?? 0) > 0 ? 0 : a.capacity - (a.goingCount ?? 0),
          isSharedPurpose: a.kind === "volunteer" || Boolean(a.projectId), answered: answered.has(a.id!), involvesBlocked: false, cancelled: false,
        }));
      const [plan] = town.connectionPlans;
      const suggestions = rankSuggestions({
        plan: { freeTimes: plan.freeTimes!, usualEnergy: plan.usualEnergy ?? null, interestKinds: plan.interestKinds!, interestGroupIds: plan.interestGroupIds ?? [], interests: plan.interests!, weeklyLowEnergyGoal: plan.weeklyLowEnergyGoal!, weeklySharedPurposeGoal: plan.weeklySharedPurposeGoal! },
        candidates,
        history: { reflections: [], recentGroupIds: [...new Set(recent.map((a) => a.groupId))], recentKinds: [...new Set(recent.map((a) => a.kind!))], triedKinds: [...new Set(attended.map((a) => a.kind!))], leftGroupIds: [], thisWeek: { lowEnergy: 0, sharedPurpose: 0 } },
        now,
        zone: ZONE,
        limit: 10,
      });
      const idea = mixSuggestion({
        recent: recent.map((a) => ({ groupId: a.groupId, groupName: groupName.get(a.groupId)!, kind: a.kind! })),
        activePartners: town.partnerships.filter((p) => p.status === "active").length,
        suggestions,
      });
      expect(idea, `seeded at ${now.toISOString()}`).not.toBeNull();
    }
  });
});
