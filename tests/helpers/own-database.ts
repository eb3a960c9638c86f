import crypto from "node:crypto";
import { drizzle } from "drizzle-orm/node-postgres";
import { Client, Pool } from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDb, type Db, getDbHandle, openPostgres, useDbHandle } from "@/db/client";
import * as schema from "@/db/schema";
import { runMigrationsAt } from "./migrate-url";

export interface OwnDatabase {
  /** The database as the hub reaches it (through the pooler when the run uses one). */
  url: string;
  /** The same database reached directly, for migrations and session work. */
  directUrl: string;
  db: Db;
  drop: () => Promise<void>;
}

const withName = (url: string, name: string) => {
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
};

/**
 * A migrated PostgreSQL database for one test alone, for work that reads a whole table (the
 * email sender drains every due row): on the run's shared database other files' rows would
 * be in its way. PostgreSQL runs only.
 */
export async function ownDatabase(prefix: string): Promise<OwnDatabase> {
  const pooled = inject("testDatabaseUrl");
  const direct = inject("testDirectUrl") || pooled;
  if (!pooled) throw new Error("ownDatabase() needs a PostgreSQL run");
  const name = `${prefix}_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new Client({ connectionString: direct });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const directUrl = withName(direct, name);
  await runMigrationsAt(directUrl);
  const url = withName(pooled, name);
  const pool = new Pool({ connectionString: url, max: 4 });
  return {
    url,
    directUrl,
    db: drizzle(pool, { schema }) as unknown as Db,
    drop: async () => {
      await pool.end();
      const closing = new Client({ connectionString: direct });
      await closing.connect();
      await closing.query(`drop database if exists ${name} with (force)`);
      await closing.end();
    },
  };
}

/**
 * On PostgreSQL, points the hub's own client (`getDb()`, and so the factories) at a migrated
 * database of this file alone for the tests in the enclosing `describe`, for work that drains a
 * whole table: the email sender sends every due row, and the reminders job looks at every activity
 * starting soon; on the run's shared database they would wade through, and act on, other files'
 * rows. Embedded runs keep their own database already.
 */
export function ownDatabaseForTheseTests(prefix: string): void {
  let own: OwnDatabase | undefined;
  const before = { url: process.env.DATABASE_URL, direct: process.env.DIRECT_DATABASE_URL };
  beforeAll(async () => {
    if (!inject("testDatabaseUrl")) return;
    own = await ownDatabase(prefix);
    await closeDb();
    // A second "instance" the tests open (tests/helpers/second-instance.ts) follows the URL.
    before.url = process.env.DATABASE_URL;
    before.direct = process.env.DIRECT_DATABASE_URL;
    process.env.DATABASE_URL = own.url;
    if (before.direct) process.env.DIRECT_DATABASE_URL = own.directUrl;
    useDbHandle(await openPostgres(own.url));
  }, 120_000);
  afterAll(async () => {
    if (!own) return;
    await closeDb();
    await own.drop();
    process.env.DATABASE_URL = before.url;
    if (before.direct) process.env.DIRECT_DATABASE_URL = before.direct;
    await getDbHandle();
  });
}
