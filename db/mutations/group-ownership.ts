import "server-only";
import { and, eq } from "drizzle-orm";
import { fail, type ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/authz";
import { GROUP_NOT_FOUND } from "@/lib/validation/group";
import { getDb } from "../client";
import { groups, memberships, users } from "../schema";
import { membershipIn } from "./groups";
import { say } from "@/lib/i18n/words";
import { notify } from "./notifications";
import { say as said } from "@/lib/i18n/said";

export const ONLY_OWNER_HANDS_OVER = () => said("errors.refusals.groupOwnership.onlyOwnerHandsOver");
export const NEW_OWNER_MUST_ORGANIZE = () => said("errors.refusals.groupOwnership.newOwnerMustOrganize");

/**
 * Hands a group over: the owner makes one of its organizers the owner and stays on as an
 * organizer. Decided against the rows, locked in this transaction: the actor must be the
 * group's active owner, and the new owner an active organizer of this group whose account is
 * in good standing. To anyone outside a private group it does not exist. The new owner is told.
 */
export async function handOverGroup(actor: Actor, groupId: string, newOwnerId: string): Promise<ActionResult<{ newOwnerName: string; slug: string }>> {
  if (!actor) return fail("unauthenticated", said("errors.action.signInFirst"));
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [group] = await tx.select().from(groups).where(eq(groups.id, groupId)).limit(1).for("update");
    const mine = await membershipIn(tx, groupId, actor.id, true);
    if (!group || group.hiddenAt || (group.visibility === "private" && mine?.status !== "active")) return fail("not_found", GROUP_NOT_FOUND());
    if (!mine || mine.status !== "active" || mine.role !== "owner") return fail("forbidden", ONLY_OWNER_HANDS_OVER());
    if (newOwnerId === actor.id) return fail("conflict", said("errors.refusals.groupOwnership.alreadyOwnGroup"));
    const target = await membershipIn(tx, groupId, newOwnerId, true);
    const [person] = await tx.select({ name: users.name, suspendedAt: users.suspendedAt }).from(users).where(eq(users.id, newOwnerId)).limit(1);
    if (!target || !person || target.status !== "active" || target.role !== "organizer" || person.suspendedAt) return fail("conflict", NEW_OWNER_MUST_ORGANIZE());
    await tx.update(memberships).set({ role: "owner" }).where(and(eq(memberships.groupId, groupId), eq(memberships.userId, newOwnerId)));
    await tx.update(memberships).set({ role: "organizer" }).where(and(eq(memberships.groupId, groupId), eq(memberships.userId, actor.id)));
    await notify(tx, {
      userId: newOwnerId,
      type: "group_handed_over",
      title: say("notices", "group.owner.title", { name: group.name }),
      body: say("notices", "group.owner.body"),
      href: `/groups/${group.slug}/manage`,
    });
    return { ok: true as const, data: { newOwnerName: person.name, slug: group.slug } };
  });
}
