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

/**
 * What a member's own rows look like now, as text that changes whenever any of them is written:
 * their account (name, role, suspension, session version), how many notifications they have not
 * read, and every RSVP, membership and block of theirs (each row's transaction id moves on every
 * write, and a deleted row changes the count). The listing a member is shown again
 * (server/page-cache.ts) is checked against it, so their own writes, and anyone's write that
 * concerns them, from any process, show at once.
 */
export async function memberSnapshot(userId: string): Promise<string> {
  const db = await getDb();
  const rowsOf = (table: string, where: string) =>
    sql.raw(`(select count(*) || '/' || coalesce(sum(t.xmin::text::bigint), 0) from ${table} t where ${where})`);
  const result = (await withoutWaiting(() =>
    db.execute(sql`select concat_ws(':', u.xmin::text, u.session_version,
        (select count(*) from notifications n where n.user_id = u.id and n.read_at is null),
        ${rowsOf("rsvps", "t.user_id = u.id")}, ${rowsOf("memberships", "t.user_id = u.id")},
        ${rowsOf("blocks", "t.blocker_id = u.id or t.blocked_id = u.id")}) as snapshot
      from users u where u.id = ${userId}`),
  )) as unknown as { rows: { snapshot: string }[] };
  return result.rows[0]?.snapshot ?? "gone";
}
