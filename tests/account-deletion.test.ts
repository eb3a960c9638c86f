import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { GET as authGet } from "@/app/api/auth/[...nextauth]/route";
import { getDb } from "@/db/client";
import { DELETION_RULES, deleteAccount } from "@/db/mutations/account-deletion";
import { createApiToken } from "@/db/mutations/api-tokens";
import { blockMember } from "@/db/mutations/blocks";
import { createCalendarFeed } from "@/db/mutations/calendar-feeds";
import { postComment } from "@/db/mutations/comments";
import { pairWithGreeter } from "@/db/mutations/go-together";
import { handOverGroup } from "@/db/mutations/group-ownership";
import { acceptInviteLink, addCheckIn, createInviteLink } from "@/db/mutations/partners";
import { requestPasswordReset } from "@/db/mutations/passwords";
import { savePlan } from "@/db/mutations/plan";
import { saveReflection } from "@/db/mutations/reflections";
import { respondToActivity } from "@/db/mutations/rsvps";
import { claimTask, markTaskDone, verifyTaskClaim } from "@/db/mutations/task-claims";
import { getDeletionPreview } from "@/db/queries/account-deletion";
import { listComments } from "@/db/queries/comments";
import { getApiTokenOwner } from "@/db/queries/api-tokens";
import { listRecentAttendance } from "@/db/queries/organizer";
import { getProjectForViewer } from "@/db/queries/projects";
import { activities, notifications, reports, rsvps, tasks } from "@/db/schema";
import { hashApiToken } from "@/db/mutations/api-tokens";
import { authSecret } from "@/lib/env";
import { attended, organizedGroup } from "./helpers/connection";
import { addMember, makeActivity, makeGroup, makeProject, makeTask, makeUser } from "./helpers/factories";
import { memberColumns } from "./helpers/member-columns";

const COOKIE = "authjs.session-token";

async function sessionOf(user: { id: string; name: string; email: string; sessionVersion: number }) {
  const token = await encode({ token: { sub: user.id, name: user.name, email: user.email, sv: user.sessionVersion }, secret: authSecret(), salt: COOKIE });
  const res = await authGet(new Request("http://localhost:3000/api/auth/session", { headers: { cookie: `${COOKIE}=${token}` } }) as never);
  return ((await res.json()) as { user?: { id: string } } | null)?.user;
}

/** Every row of every table in the database that mentions `needle` anywhere, as "table: row". */
async function rowsMentioning(needle: string): Promise<string[]> {
  const db = await getDb();
  const tables = (await db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`)) as unknown as { rows: { name: string }[] };
  expect(tables.rows.length).toBeGreaterThan(20);
  const found: string[] = [];
  for (const { name } of tables.rows) {
    const result = (await db.execute(sql`select row_to_json(t)::text as row from ${sql.identifier(name)} t where strpos(lower(row_to_json(t)::text), lower(${needle})) > 0`)) as unknown as { rows: { row: string }[] };
    for (const r of result.rows) found.push(`${name}: ${r.row}`);
  }
  return found;
}

describe("delete my account: every member column is handled", () => {
  it("names every column that refers to a member, and says what happens to it as the database does", () => {
    const tables = memberColumns();
    expect(tables.size).toBeGreaterThan(15);
    for (const [name, { columns, onDelete }] of tables) {
      const rules = DELETION_RULES[name];
      expect(rules, `table ${name} names members but is not in DELETION_RULES (db/mutations/account-deletion.ts)`).toBeDefined();
      for (const column of columns) {
        const rule = rules[column];
        expect(rule, `${name}.${column} refers to members: say in DELETION_RULES what deletion does with it`).toBeDefined();
        if (rule.by !== "step") expect(onDelete[column], `${name}.${column}: the rule says ${rule.by}, the foreign key says otherwise`).toBe(rule.by);
        expect(rule.how).toBe(rule.by === "set null" ? "emptied" : "deleted");
      }
    }
    // Nothing stale: every rule names a real member column.
    for (const [name, rules] of Object.entries(DELETION_RULES)) for (const column of Object.keys(rules)) expect(tables.get(name)?.columns).toContain(column);
  });
});

describe("delete my account", () => {
  it("is refused while the member owns a group, and works once the group is handed over", async () => {
    const owner = await makeUser();
    const organizer = await makeUser();
    const group = await makeGroup({ name: "Canal Walkers" });
    await addMember(group.id, owner.id, "owner");
    await addMember(group.id, organizer.id, "organizer");
    expect((await getDeletionPreview(owner.id)).ownedGroups.map((g) => g.name)).toEqual(["Canal Walkers"]);
    const refused = await deleteAccount(owner.id);
    expect(refused).toMatchObject({ ok: false, code: "owns_groups", groups: [{ id: group.id, name: "Canal Walkers" }] });
    expect(await sessionOf(owner)).toMatchObject({ id: owner.id });

    expect(await handOverGroup(owner, group.id, organizer.id)).toMatchObject({ ok: true });
    expect(await deleteAccount(owner.id)).toEqual({ ok: true });
    expect(await sessionOf(owner)).toBeUndefined();
    expect(await deleteAccount(owner.id)).toEqual({ ok: false, code: "not_found" });
  });

  it("frees their places to the waitlist, releases open task places, keeps counts without a name, and leaves no row that names them", async () => {
    const db = await getDb();
    const unique = crypto.randomBytes(4).toString("hex");
    const me = await makeUser({ name: `Quilla Marrowfield${unique}`, email: `quilla-${unique}@test.example`, bio: "I like herons", neighbourhood: "Riverside", listedAsGoing: true });
    const org = await organizedGroup();
    await addMember(org.group.id, me.id, "member");
    const waiting = await makeUser();
    const partner = await makeUser();
    const greeted = await makeUser();

    // An upcoming activity with one place: I have it, someone waits, and I greet a first-timer on another.
    const full = await makeActivity(org.group.id, { capacity: 1 });
    await respondToActivity(db, { activityId: full.id, userId: me.id, status: "going", offersToGreet: true });
    await respondToActivity(db, { activityId: full.id, userId: waiting.id, status: "going" });
    const open = await makeActivity(org.group.id);
    await respondToActivity(db, { activityId: open.id, userId: me.id, status: "going", offersToGreet: true });
    await respondToActivity(db, { activityId: open.id, userId: greeted.id, status: "going", goTogether: true });
    expect(await pairWithGreeter({ activityId: open.id, actorId: org.organizer.id, memberId: greeted.id, greeterId: me.id })).toMatchObject({ ok: true });

    // A past activity I attended, with a reflection.
    const past = await attended(org, [me.id], 30);
    expect(await saveReflection({ userId: me.id, activityId: past.id, feeling: "lifted", note: "Lovely herons" })).toMatchObject({ ok: true });

    // Task places: one open, one verified with hours.
    const project = await makeProject(org.group.id);
    const openTask = await makeTask(project.id, { placesNeeded: 1 });
    const doneTask = await makeTask(project.id, { placesNeeded: 1 });
    expect(await claimTask(db, { taskId: openTask.id, actor: me })).toMatchObject({ ok: true });
    expect(await claimTask(db, { taskId: doneTask.id, actor: me })).toMatchObject({ ok: true });
    expect(await markTaskDone(db, { taskId: doneTask.id, actor: me })).toMatchObject({ ok: true });
    expect(await verifyTaskClaim(db, { taskId: doneTask.id, actor: org.organizer, userId: me.id, hours: 3 })).toMatchObject({ ok: true });

    // Words, partners, plan, tokens, feeds, reset links, blocks, reports.
    expect(await postComment(me, { activityId: open.id }, "Shall we bring flasks?")).toMatchObject({ ok: true });
    const link = await createInviteLink(partner.id, "weekly_meeting", 2);
    const pairing = await acceptInviteLink(me.id, link.code);
    if (!pairing.ok) throw new Error(pairing.message);
    expect(await addCheckIn(me.id, pairing.data.id, { note: "Felt good today", mood: 4, energy: "medium" })).toMatchObject({ ok: true });
    expect(await addCheckIn(partner.id, pairing.data.id, { note: "Me too", mood: 4, energy: "low" })).toMatchObject({ ok: true });
    await savePlan(me.id, { weeklyTotalGoal: 2, weeklyLowEnergyGoal: 1, weeklySharedPurposeGoal: 0, freeTimes: [], interests: ["herons"], usualEnergy: null, interestKinds: [], interestGroupIds: [] });
    const token = await createApiToken(me.id, "my script");
    expect((await createCalendarFeed(me.id, null)).ok).toBe(true);
    await requestPasswordReset(me.email, "http://localhost:3000");
    await blockMember(me.id, org.organizer.id);
    await blockMember(waiting.id, me.id);
    await db.insert(reports).values({ reporterId: waiting.id, targetType: "member", targetId: me.id, reason: "other" });
    await db.insert(reports).values({ reporterId: me.id, targetType: "activity", targetId: open.id, reason: "other" });

    const preview = await getDeletionPreview(me.id);
    expect(preview).toMatchObject({ ownedGroups: [], upcomingRsvps: 2, comments: 1, partnerships: 1, checkIns: 1, reflections: 1, openTaskPlaces: 1, attended: 1, verifiedHours: 3 });
    const before = (await listRecentAttendance(org.group.id)).find((a) => a.id === past.id);
    expect(before?.attended).toBe(1);
    expect((await getProjectForViewer(project.id, null))?.progress.verifiedHours).toBe(3);

    expect(await deleteAccount(me.id)).toEqual({ ok: true });

    // The person waiting has the place, and is told.
    const [waitRow] = await db.select().from(rsvps).where(eq(rsvps.userId, waiting.id));
    expect(waitRow.status).toBe("going");
    const [fullNow] = await db.select().from(activities).where(eq(activities.id, full.id));
    expect({ going: fullNow.goingCount, waiting: fullNow.waitlistCount }).toEqual({ going: 1, waiting: 0 });
    expect((await db.select().from(notifications).where(eq(notifications.userId, waiting.id))).map((n) => n.type)).toContain("waitlist_promoted");
    // The first-timer goes back to needing a greeter.
    const [greetedRow] = await db.select().from(rsvps).where(eq(rsvps.userId, greeted.id));
    expect(greetedRow.greeterId).toBeNull();
    // The open task place is free; the verified one stays filled, with its hours.
    const [openNow] = await db.select().from(tasks).where(eq(tasks.id, openTask.id));
    const [doneNow] = await db.select().from(tasks).where(eq(tasks.id, doneTask.id));
    expect(openNow.claimedCount).toBe(0);
    expect(doneNow.claimedCount).toBe(1);
    expect((await getProjectForViewer(project.id, null))?.progress).toMatchObject({ verifiedHours: 3, tasksDone: 1 });
    // Attendance totals keep the number.
    expect((await listRecentAttendance(org.group.id)).find((a) => a.id === past.id)?.attended).toBe(1);
    // Their comment is gone from the discussion.
    expect((await listComments({ activityId: open.id }, { id: org.organizer.id })).map((c) => c.body)).not.toContain("Shall we bring flasks?");
    // The partner is told a partnership ended, without a name.
    const ended = await db.select().from(notifications).where(eq(notifications.userId, partner.id));
    expect(ended.map((n) => n.title)).toContain("One of your check-in partnerships has ended");
    // Sessions and tokens end.
    expect(await sessionOf(me)).toBeUndefined();
    expect(await getApiTokenOwner(hashApiToken(token.token))).toBeUndefined();

    // No row anywhere names them: not their id, not their email, not their name (the search does find the living).
    expect((await rowsMentioning(partner.id)).length).toBeGreaterThan(0);
    expect(await rowsMentioning(me.id)).toEqual([]);
    expect(await rowsMentioning(me.email)).toEqual([]);
    expect(await rowsMentioning(me.name)).toEqual([]);
    expect(await rowsMentioning("Lovely herons")).toEqual([]);
    expect(await rowsMentioning("Felt good today")).toEqual([]);
  });
});
