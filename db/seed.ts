import "server-only";
import { count, sql } from "drizzle-orm";
import { env } from "@/lib/env";
import { hashPassword } from "@/lib/passwords";
import type { Db } from "./client";
import * as schema from "./schema";
import { rememberPlacesOfActivities } from "./mutations/saved-places";
import { buildDemoTown, type DemoTown } from "./seed-data/build";
import { insertDemoCovers } from "./seed-data/covers";
import { insertDemoQuestions } from "./seed-data/questions";
import { demoId } from "./seed-data/random";
import { DEMO_PASSWORD } from "./seed-data/town";

/*
 * The demo town of Millbrook: groups, a private circle, six weeks of activities, members
 * with RSVPs, projects with tasks, and three demo accounts sharing one well-known password.
 * Content is deterministic relative to `now` (seeded PRNG, stable ids).
 */

export interface SeedSummary {
  users: number;
  groups: number;
  series: number;
  activities: number;
  rsvps: number;
  projects: number;
  tasks: number;
  comments: number;
}

/** Arbitrary, but shared by every process that may seed the same database. */
const SEED_LOCK_KEY = 727275;

/**
 * Why seeding is refused, or null when it is allowed. The demo accounts share a published
 * password, so a production PostgreSQL gets them only when SEED_DEMO=true says so explicitly.
 */
export function demoSeedRefusal(settings: { nodeEnv?: string; databaseUrl?: string; seedDemo?: string }): string | null {
  if (settings.nodeEnv === "production" && settings.databaseUrl && settings.seedDemo !== "true") {
    return "Refusing to seed the demo town: NODE_ENV=production with DATABASE_URL set. The demo accounts share a public password; set SEED_DEMO=true only if this database really is a demo.";
  }
  return null;
}

function assertSeedAllowed(): void {
  const config = env();
  const refusal = demoSeedRefusal({ nodeEnv: process.env.NODE_ENV, databaseUrl: config.DATABASE_URL, seedDemo: config.SEED_DEMO });
  if (refusal) throw new Error(refusal);
}

/** Writes the demo town in one transaction. Expects a database without the demo rows. */
export async function seedDemo(db: Db, options: { now?: Date } = {}): Promise<SeedSummary> {
  assertSeedAllowed();
  const town = await prepareTown(options.now);
  await db.transaction((tx) => insertTown(tx, town));
  return summarize(town);
}

/**
 * Seeds the demo town only when the database has no members yet; returns whether it did.
 * Two processes starting together on PostgreSQL queue on an advisory lock, and the second
 * finds members already there.
 */
export async function seedDemoIfEmpty(db: Db, options: { now?: Date } = {}): Promise<boolean> {
  assertSeedAllowed();
  if (!(await isEmpty(db))) return false;
  // Hashing is slow by design: do it once, before taking the lock.
  const town = await prepareTown(options.now);
  return db.transaction(async (tx) => {
    // The app's pool gives up on locks after 3s; waiting for another process's seed is expected here.
    await tx.execute(sql`set local lock_timeout = '60s'`);
    await tx.execute(sql`set local statement_timeout = '120s'`);
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    if (!(await isEmpty(tx))) return false;
    await insertTown(tx, town);
    return true;
  });
}

/** Empties every application table (migration history is kept). For `db:seed --reset`. */
export async function wipeAllData(db: Db): Promise<void> {
  assertSeedAllowed();
  const result = (await db.execute(sql`select tablename from pg_tables where schemaname = 'public'`)) as { rows: { tablename: string }[] };
  const names = result.rows.map((r) => `"${r.tablename}"`);
  if (names.length > 0) await db.execute(sql.raw(`truncate table ${names.join(", ")} restart identity cascade`));
}

async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(schema.users);
  return Number(row.n) === 0;
}

async function prepareTown(now = new Date()): Promise<DemoTown> {
  return buildDemoTown(now, await hashPassword(DEMO_PASSWORD));
}

/** Bulk inserts in dependency order, chunked to stay far below the bind-parameter limit. */
async function insertTown(db: Db, town: DemoTown): Promise<void> {
  const chunked = async <T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 500) await write(rows.slice(i, i + 500));
  };
  await chunked(town.users, (c) => db.insert(schema.users).values(c));
  await chunked(town.groups, (c) => db.insert(schema.groups).values(c));
  await chunked(town.memberships, (c) => db.insert(schema.memberships).values(c));
  await chunked(town.series, (c) => db.insert(schema.series).values(c));
  await chunked(town.projects, (c) => db.insert(schema.projects).values(c));
  await chunked(town.activities, (c) => db.insert(schema.activities).values(c));
  // Each group's organizers find the places of its activities offered on the activity form.
  await rememberPlacesOfActivities(db);
  await chunked(town.rsvps, (c) => db.insert(schema.rsvps).values(c));
  await chunked(town.tasks, (c) => db.insert(schema.tasks).values(c));
  await chunked(town.taskClaims, (c) => db.insert(schema.taskClaims).values(c));
  await chunked(town.comments, (c) => db.insert(schema.comments).values(c));
  await chunked(town.reflections, (c) => db.insert(schema.reflections).values(c));
  await chunked(town.connectionPlans, (c) => db.insert(schema.connectionPlans).values(c));
  await chunked(town.partnerships, (c) => db.insert(schema.partnerships).values(c));
  await chunked(town.checkIns, (c) => db.insert(schema.checkIns).values(c));
  await chunked(town.milestones, (c) => db.insert(schema.milestones).values(c));
  // A few covers, drawn now; only for what this town has (a date may have been skipped).
  const present = new Set([...town.groups, ...town.projects, ...town.activities].map((r) => r.id));
  await insertDemoCovers(db, demoId("user:organizer@example.com"), (id) => present.has(id));
  await insertDemoQuestions(db, (id) => present.has(id));
}

function summarize(town: DemoTown): SeedSummary {
  return {
    users: town.users.length,
    groups: town.groups.length,
    series: town.series.length,
    activities: town.activities.length,
    rsvps: town.rsvps.length,
    projects: town.projects.length,
    tasks: town.tasks.length,
    comments: town.comments.length,
  };
}
