import { sql } from "drizzle-orm";
import { getDb } from "./client";
import { withoutWaiting } from "./patience";

/*
 * The database server's transaction snapshot, as text: "xmin:xmax:ids in progress". Every
 * transaction that writes (it is given an id) moves it when it ends, committed or not: its id
 * leaves the in-progress list, or xmax moves past it, and xmax never goes back. So the same
 * text at two moments means no write has committed anywhere on the server in between, by this
 * process or any other: a page rendered after the first moment would read the same rows at the
 * second. Reads never move it. The pages a member is shown again (server/page-cache.ts) rely on it.
 */
export async function writeSnapshot(): Promise<string> {
  const db = await getDb();
  // Never waits out an outage: a caller asks to save work, and renders as usual without it.
  const result = (await withoutWaiting(() => db.execute(sql`select pg_current_snapshot()::text as snapshot`))) as unknown as { rows: { snapshot: string }[] };
  return result.rows[0].snapshot;
}
