import { sessionSettings } from "@/db/client";
import { Pool } from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";

/**
 * Another "app instance" on the test's PostgreSQL database: its own connection pool, as a
 * second server process would have. Close it with `close()`.
 */
export function openSecondInstance(): { db: Db; close: () => Promise<void> } {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5, ...sessionSettings() });
  return { db: drizzle(pool, { schema }) as unknown as Db, close: () => pool.end() };
}
