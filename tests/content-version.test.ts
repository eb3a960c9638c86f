import { eq, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { answeringActivity, collectingShown, contentVersion, noteShownActivities, NOT_SHOWN_TO_VISITORS, SHOWN_TO_VISITORS, unchangedFor, writesVisibleContent } from "@/db/content-version";
import { countAttempt } from "@/db/mutations/rate-limits";
import { submitRsvp, withdrawRsvp } from "@/db/mutations/rsvps";
import * as schema from "@/db/schema";
import { activities, comments, notifications } from "@/db/schema";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";

/*
 * The version of what visitors see moves on after every committed write to a table shown on
 * public pages, and only then: pages kept for visitors (server/page-cache.ts) rely on it.
 */

async function world() {
  const group = await makeGroup();
  const member = await makeUser();
  await addMember(group.id, member.id);
  const activity = await makeActivity(group.id, { capacity: 10 });
  return { group, member, activity };
}

describe("what counts as a change visitors can see", () => {
  it("every table is either shown to visitors or not, and none is both", () => {
    const tables = Object.values(schema as Record<string, unknown>)
      .filter((value): value is PgTable => value instanceof PgTable)
      .map((table) => getTableConfig(table).name)
      .sort();
    expect([...SHOWN_TO_VISITORS, ...NOT_SHOWN_TO_VISITORS].sort()).toEqual(tables);
  });

  it("reads, locks and upserts of private tables are not changes; writes to shown tables are", () => {
    expect(writesVisibleContent(`select * from "activities" where "id" = $1 for update`)).toBe(false);
    expect(writesVisibleContent(`select * from scheduled_jobs for update skip locked`)).toBe(false);
    expect(writesVisibleContent(`insert into rate_limits (key) values ($1) on conflict (key) do update set count = 1`)).toBe(false);
    expect(writesVisibleContent(`update "notifications" set "read_at" = $1`)).toBe(false);
    expect(writesVisibleContent(`insert into "rsvps" ("activity_id") values ($1)`)).toBe(true);
    expect(writesVisibleContent(`with moved as (update "activities" set "title" = $1 returning id) select * from moved`)).toBe(true);
    expect(writesVisibleContent(`delete from "comments" where "id" = $1`)).toBe(true);
  });
});

describe("the database client reports changes once they have committed", () => {
  it("an RSVP moves the version on; a notification and a rate-limit count do not", async () => {
    const { member, activity } = await world();
    const db = await getDb();
    let before = contentVersion();
    const result = await submitRsvp({ activityId: activity.id, userId: member.id, status: "going" });
    expect(result.ok).toBe(true);
    expect(contentVersion()).toBeGreaterThan(before);

    before = contentVersion();
    await db.insert(notifications).values({ userId: member.id, type: "rsvp_promoted", title: "A place opened", body: "You are going now.", href: "/" });
    await countAttempt(`content-version-${member.id}`, { limit: 5, windowMs: 60_000 });
    await db.execute(sql`select id from activities where id = ${activity.id} for update`);
    expect(contentVersion()).toBe(before);
  });

  it("a transaction's write is reported after it commits, not while it is open, and never when it rolls back", async () => {
    const { member, activity } = await world();
    const db = await getDb();
    const before = contentVersion();
    await db.transaction(async (tx) => {
      await tx.insert(comments).values({ activityId: activity.id, authorId: member.id, body: "See you there" });
      expect(contentVersion(), "not while the transaction is open").toBe(before);
    });
    expect(contentVersion()).toBe(before + 1);

    await expect(
      db.transaction(async (tx) => {
        await tx.insert(comments).values({ activityId: activity.id, authorId: member.id, body: "Never kept" });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(contentVersion(), "a rolled-back write changed nothing").toBe(before + 1);
  });

  it("an answer is a change to its own activity alone: a page showing others stays current, one showing it or not knowing what it shows does not", async () => {
    const { member, activity } = await world();
    const { activity: other } = await world();
    const listing = new Set([other.id]);
    const before = contentVersion();
    expect((await submitRsvp({ activityId: activity.id, userId: member.id, status: "going" })).ok).toBe(true);
    expect(contentVersion()).toBeGreaterThan(before);
    expect(unchangedFor(before, listing), "a listing without the activity").toBe(true);
    expect(unchangedFor(before, new Set([activity.id])), "a listing with it").toBe(false);
    expect(unchangedFor(before, null), "a page that does not know what it shows").toBe(false);
    expect((await withdrawRsvp({ activityId: activity.id, userId: member.id })).ok).toBe(true);
    expect(unchangedFor(before, listing)).toBe(true);
    expect(unchangedFor(before, new Set([activity.id]))).toBe(false);
  });

  it("any other visible write in the same transaction, or outside an answer, is a change to anything", async () => {
    const { member, activity } = await world();
    const { activity: other } = await world();
    const db = await getDb();
    const shownOther = new Set([other.id]);
    let before = contentVersion();
    await db.transaction(async (tx) =>
      answeringActivity(activity.id, async () => {
        await tx.update(activities).set({ goingCount: 0 }).where(eq(activities.id, activity.id));
      }),
    );
    expect(unchangedFor(before, shownOther), "counts of the activity answered").toBe(true);
    before = contentVersion();
    await db.transaction(async (tx) => {
      await answeringActivity(activity.id, async () => tx.update(activities).set({ goingCount: 0 }).where(eq(activities.id, activity.id)));
      await tx.insert(comments).values({ activityId: other.id, authorId: member.id, body: "Beside an answer" });
    });
    expect(unchangedFor(before, shownOther), "a comment written beside the answer").toBe(false);
    before = contentVersion();
    await db.transaction(async (tx) => answeringActivity(activity.id, async () => tx.insert(comments).values({ activityId: other.id, authorId: member.id, body: "Inside one" })));
    expect(unchangedFor(before, shownOther), "a comment written inside an answer's work").toBe(false);
    before = contentVersion();
    await db.update(activities).set({ title: "Renamed" }).where(eq(activities.id, activity.id));
    expect(unchangedFor(before, shownOther), "a write outside a transaction").toBe(false);
  });

  it("a render knows what it shows only when the listing said so, and not when spots left decide what matches", () => {
    expect(collectingShown(() => undefined).shown()).toBeNull();
    const listing = collectingShown(() => noteShownActivities(["a", "b"], false));
    expect([...(listing.shown() ?? [])]).toEqual(["a", "b"]);
    expect(collectingShown(() => noteShownActivities(["a"], true)).shown()).toBeNull();
  });
});
