import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { ActivityAudience } from "@/lib/validation/walk-ins";
import { getDb, type Db } from "../client";
import { getActivityAccess } from "../queries/rsvps";
import { groups, memberships } from "../schema";
import { tellGuestsOnList } from "./guest-notices";
import { say } from "@/lib/i18n/words";
import { notifyMany } from "./notifications";
import { say as said } from "@/lib/i18n/said";

/*
 * An organizer's message to one list: the people going, trying to come, waiting, the members
 * who walked in, or every member of the group (an announcement). Each member gets their own
 * in-app notice, and an email of their own as their preferences allow ("Messages from
 * organizers"): nobody sees who else got it. Suspended members, anyone with a block either way
 * with the sender, and the sender themselves are left out; for a private group, only its
 * members. Confirmed guests going or waiting are emailed when their list is chosen.
 */

type Refusal = { ok: false; code: "not_found" | "forbidden"; message: string };
export type MessageResult = { ok: true; sent: number } | Refusal;

/** Who may receive anything from `actorId`: not suspended, no block either way, not the sender. */
function reachable(actorId: string, groupId: string): SQL {
  return sql`u.suspended_at is null and u.id <> ${actorId}
    and not exists (select 1 from blocks b where (b.blocker_id = ${actorId} and b.blocked_id = u.id) or (b.blocker_id = u.id and b.blocked_id = ${actorId}))
    and not exists (select 1 from memberships banned where banned.group_id = ${groupId} and banned.user_id = u.id and banned.status = 'banned')
    and (exists (select 1 from groups g where g.id = ${groupId} and g.visibility = 'public')
      or exists (select 1 from memberships m where m.group_id = ${groupId} and m.user_id = u.id and m.status = 'active'))`;
}

const listRule: Record<Exclude<ActivityAudience, "group">, SQL> = {
  going: sql`r.status = 'going'`,
  maybe: sql`r.status = 'maybe'`,
  waitlist: sql`r.status = 'waitlisted'`,
  walk_ins: sql`r.walked_in_at is not null`,
};

async function recipients(tx: Db, query: SQL): Promise<string[]> {
  const result = (await tx.execute(query)) as unknown as { rows: { id: string }[] };
  return result.rows.map((r) => r.id);
}

/** Sends an organizer's message about an activity to the chosen list (`group`: every member of its group). */
export async function messageActivityList(input: { activityId: string; actorId: string; audience: ActivityAudience; message: string }): Promise<MessageResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const access = await getActivityAccess(input.activityId, input.actorId, tx);
    if (!access) return { ok: false as const, code: "not_found" as const, message: said("errors.action.activityMissing") };
    if (!access.isOrganizer) return { ok: false as const, code: "forbidden" as const, message: said("errors.refusals.messages.onlyOrganizersGroupSend") };
    const ids =
      input.audience === "group"
        ? await recipients(tx, sql`select u.id from memberships mm join users u on u.id = mm.user_id where mm.group_id = ${access.groupId} and mm.status = 'active' and ${reachable(input.actorId, access.groupId)}`)
        : await recipients(tx, sql`select u.id from rsvps r join users u on u.id = r.user_id where r.activity_id = ${access.activityId} and ${listRule[input.audience]} and ${reachable(input.actorId, access.groupId)}`);
    // The organizer's message is theirs, as written; the words around it are in each reader's language.
    const title = say("notices", "message.title", { title: access.title });
    const sent = await notifyMany(tx, ids, {
      type: "organizer_message",
      title,
      body: input.message,
      href: `/activities/${access.activityId}`,
      activityId: access.activityId,
      emailWhy: say("notices", `message.why.${input.audience}`),
    });
    // Guests have no notices: those confirmed on the chosen list get the message by email.
    const guestStatus = input.audience === "going" ? "going" : input.audience === "waitlist" ? "waitlisted" : null;
    const guests = guestStatus ? await tellGuestsOnList(tx, { id: access.activityId, title: access.title }, guestStatus, title, input.message, crypto.randomUUID()) : 0;
    return { ok: true as const, sent: sent + guests };
  });
}

/** An announcement to every active member of a group, from one of its organizers. */
export async function announceToGroup(input: { groupId: string; actorId: string; message: string }): Promise<MessageResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [group] = await tx
      .select({ id: groups.id, name: groups.name, slug: groups.slug, hiddenAt: groups.hiddenAt, role: memberships.role, status: memberships.status })
      .from(groups)
      .leftJoin(memberships, and(eq(memberships.groupId, groups.id), eq(memberships.userId, input.actorId)))
      .where(eq(groups.id, input.groupId))
      .limit(1);
    if (!group || group.hiddenAt) return { ok: false as const, code: "not_found" as const, message: said("errors.action.groupMissing") };
    if (group.status !== "active" || (group.role !== "owner" && group.role !== "organizer")) {
      return { ok: false as const, code: "forbidden" as const, message: said("errors.refusals.messages.onlyOrganizersGroupSend2") };
    }
    const ids = await recipients(tx, sql`select u.id from memberships mm join users u on u.id = mm.user_id where mm.group_id = ${group.id} and mm.status = 'active' and ${reachable(input.actorId, group.id)}`);
    const sent = await notifyMany(tx, ids, {
      type: "organizer_message",
      title: say("notices", "announcement.title", { name: group.name }),
      body: input.message,
      href: `/groups/${group.slug}`,
      emailWhy: say("notices", "announcement.why"),
      emailLabel: say("notices", "announcement.label"),
    });
    return { ok: true as const, sent };
  });
}
