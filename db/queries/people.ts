import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "../client";
import { memberships, users } from "../schema";
import { getPhotos, type Picture } from "./uploads";

export interface Person {
  id: string;
  name: string;
  bio: string;
  role?: "owner" | "organizer";
  photo: Picture | null;
}

/** The one line of a bio shown beside a name. */
export const oneLine = (bio: string) => {
  const first = bio.split("\n").map((l) => l.trim()).find(Boolean) ?? "";
  return first.length > 140 ? `${first.slice(0, 139)}…` : first;
};

/** A group's owner and organizers, owner first (the caller has checked the group may be seen). */
export async function listGroupOrganizers(groupId: string): Promise<Person[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: users.id, name: users.name, bio: users.bio, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.groupId, groupId), eq(memberships.status, "active"), inArray(memberships.role, ["owner", "organizer"])))
    .orderBy(sql`${memberships.role} = 'owner' desc`, asc(users.name));
  const photos = await getPhotos(rows.map((r) => r.id));
  return rows.map((r) => ({ id: r.id, name: r.name, bio: oneLine(r.bio), role: r.role as "owner" | "organizer", photo: photos.get(r.id) ?? null }));
}
