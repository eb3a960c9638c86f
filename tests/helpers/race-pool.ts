import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import { afterAll, beforeAll } from "vitest";
import { sessionSettings, type Db } from "@/db/client";
import * as schema from "@/db/schema";
import { addMember, makeUser } from "./factories";

export interface RacePool {
  /** Plain SQL for snapshots, read in one statement so counters and rows agree. */
  readonly pool: Pool;
  /** The hub's data layer on the same pool. */
  readonly db: Db;
}

/*
 * The set-up every concurrency proof shares. PGlite runs one session and cannot show a race,
 * so these files run on PostgreSQL only, through a pool big enough (50) that the answers really
 * arrive together, with the hub's own session settings (a lock held elsewhere fails a statement
 * after 3 s). `restore` puts back any guard a test switched off to show the race it prevents.
 */
export function racePool(restore: () => void = () => undefined): RacePool {
  let pool: Pool | undefined;
  let db: Db | undefined;
  beforeAll(() => {
    if (!process.env.DATABASE_URL) return;
    pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 50, ...sessionSettings() });
    db = drizzle(pool, { schema }) as unknown as Db;
  });
  afterAll(async () => {
    restore();
    await pool?.end();
  });
  return {
    get pool() {
      if (!pool) throw new Error("racePool() is only open on PostgreSQL runs");
      return pool;
    },
    get db() {
      if (!db) throw new Error("racePool() is only open on PostgreSQL runs");
      return db;
    },
  };
}

/** `n` new members, made one after another (and joined to `groupId` when given). */
export async function newMembers(n: number, groupId?: string) {
  const out: Awaited<ReturnType<typeof makeUser>>[] = [];
  for (let i = 0; i < n; i++) {
    const user = await makeUser();
    if (groupId) await addMember(groupId, user.id);
    out.push(user);
  }
  return out;
}
