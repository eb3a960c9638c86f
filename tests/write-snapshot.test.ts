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

describe("a member's own snapshot", () => {
  it("moves on after any write to the member's own rows, and never for someone else's answer", async () => {
    const { submitRsvp } = await import("@/db/mutations/rsvps");
    const { endSessions } = await import("@/db/users");
    const { memberSnapshot } = await import("@/db/snapshot");
    const { addMember, makeActivity, makeGroup } = await import("./helpers/factories");
    const { blocks } = await import("@/db/schema");
    const db = await getDb();
    const [sam, other] = [await makeUser(), await makeUser()];
    const group = await makeGroup();
    const activity = await makeActivity(group.id, { capacity: 10 });
    let last = await memberSnapshot(sam.id);
    const moved = async (what: string) => {
      const now = await memberSnapshot(sam.id);
      expect(now, what).not.toBe(last);
      last = now;
    };
    expect(await memberSnapshot(sam.id)).toBe(last);
    expect((await submitRsvp({ activityId: activity.id, userId: other.id, status: "going" })).ok).toBe(true);
    expect(await memberSnapshot(sam.id), "someone else's answer").toBe(last);

    expect((await submitRsvp({ activityId: activity.id, userId: sam.id, status: "going" })).ok).toBe(true);
    await moved("their own answer");
    expect((await submitRsvp({ activityId: activity.id, userId: sam.id, status: "maybe" })).ok).toBe(true);
    await moved("a changed answer");
    await db.insert(notifications).values({ userId: sam.id, type: "rsvp_promoted", title: "A place opened", body: "You are going now.", href: "/" });
    await moved("a notification for them");
    await addMember(group.id, sam.id);
    await moved("joining a group");
    await db.insert(blocks).values({ blockerId: other.id, blockedId: sam.id });
    await moved("being blocked");
    await endSessions(sam.id);
    await moved("signing out everywhere");
    await db.update(users).set({ suspendedAt: new Date() }).where(sql`${users.id} = ${sam.id}`);
    await moved("a suspension");
  });
});
