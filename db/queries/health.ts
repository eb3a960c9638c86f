import "server-only";
import { sql } from "drizzle-orm";
import { getDbHandle } from "../client";

/** Runs a trivial query; resolves to which database answered. */
export async function pingDatabase(): Promise<"postgres" | "pglite"> {
  const handle = await getDbHandle();
  await handle.db.execute(sql`select 1`);
  return handle.kind;
}
