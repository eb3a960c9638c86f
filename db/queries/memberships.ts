import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "../client";
import { groups, memberships, type Membership } from "../schema";

/** The member's membership row in a group, whatever its status, or undefined. */
export async function getMembership(groupId: string, userId: string): Promise<Membership | undefined> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.groupId, groupId), eq(memberships.userId, userId)))
    .limit(1);
  return row;
}

/** True when the member is an active owner or organizer of this group. */
export async function isOrganizerOf(groupId: string, userId: string | null | undefined): Promise<boolean> {
  if (!userId) return false;
  const m = await getMembership(groupId, userId);
  return Boolean(m && m.status === "active" && (m.role === "owner" || m.role === "organizer"));
}

/** True when the member is an active member (any role) of this group. */
export async function isActiveMemberOf(groupId: string, userId: string | null | undefined): Promise<boolean> {
  if (!userId) return false;
  const m = await getMembership(groupId, userId);
  return Boolean(m && m.status === "active");
}

/**
 * Whether a viewer may see a group at all: public groups are visible to everyone,
 * private ones only to their active members. Hidden (moderated) groups to nobody.
 */
export async function canSeeGroup(groupId: string, viewerId: string | null | undefined): Promise<boolean> {
  const db = await getDb();
  const [group] = await db.select({ visibility: groups.visibility, hiddenAt: groups.hiddenAt }).from(groups).where(eq(groups.id, groupId)).limit(1);
  if (!group || group.hiddenAt) return false;
  if (group.visibility === "public") return true;
  return isActiveMemberOf(groupId, viewerId);
}
