import { Client } from "pg";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { countAttempt } from "@/db/mutations/rate-limits";
import { writeSnapshot } from "@/db/snapshot";
import { notifications, users } from "@/db/schema";
import { makeUser, usingPostgres } from "./helpers/factories";

/*
 * The database's write snapshot (db/snapshot.ts): the same while only reads happen, different
 * after any committed write, to any table, also one no visitor sees, and also one made outside
 * this process. A member's kept page (server/page-cache.ts) is replayed only while it is the same.
 */

describe("the write snapshot", () => {
  it("stays the same across reads and moves on after any write, private tables included", async () => {
    const db = await getDb();
    const member = await makeUser();
    const first = await writeSnapshot();
    await db.select().from(users).limit(5);
    await db.execute(sql`select count(*) from activities`);
    expect(await writeSnapshot()).toBe(first);

    await db.insert(notifications).values({ userId: member.id, type: "rsvp_promoted", title: "A place opened", body: "You are going now.", href: "/" });
    const second = await writeSnapshot();
    expect(second).not.toBe(first);

    await countAttempt(`snapshot-${member.id}`, { limit: 5, windowMs: 60_000 });
    const third = await writeSnapshot();
    expect(third).not.toBe(second);

    // A transaction that writes and then rolls back leaves nothing new, but it also moves it on:
    // the snapshot errs towards rendering again.
    await db
      .transaction(async (tx) => {
        await tx.update(users).set({ name: "Never saved" }).where(sql`${users.id} = ${member.id}`);
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect(await writeSnapshot()).not.toBe(third);
    expect((await db.select({ name: users.name }).from(users).where(sql`${users.id} = ${member.id}`))[0].name).toBe(member.name);
  });

  it.skipIf(!usingPostgres())("moves on after a write by another process on the same server", async () => {
    const before = await writeSnapshot();
    const other = new Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query("update users set name = name where id = (select id from users limit 1)");
    } finally {
      await other.end();
    }
    expect(await writeSnapshot()).not.toBe(before);
  });
});
