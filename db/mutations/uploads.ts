import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { fail, type ActionResult } from "@/lib/action-result";
import { authorize, type Actor } from "@/lib/authz";
import { processImage, removeImageFiles, storedImageIds, storeImage, type ProcessedImage } from "@/lib/uploads/images";
import { getDb, type Db } from "../client";
import { activities, groups, memberships, projects, uploads } from "../schema";
import { groupVisibleTo } from "../queries/visibility";
import { say } from "@/lib/i18n/said";

/*
 * Covers and members' photos. The picture is checked and re-encoded (lib/uploads/images.ts)
 * before anything is written; its files are put in place, then its row replaces the one it
 * succeeds in one transaction; the files of the replaced picture (and of a row that failed to
 * be written) are removed once that has committed. Rows go with what they belong to (an
 * activity, a group, a project, an account) by their foreign keys, and `sweepUploadFiles`
 * removes the files whose row is gone.
 */

export type CoverSubject = "activities" | "groups" | "projects";

const NOT_FOUND: Record<CoverSubject, () => string> = {
  activities: () => say("errors.refusals.uploads.activityNotFound"),
  groups: () => say("errors.refusals.uploads.groupNotFound"),
  projects: () => say("errors.refusals.uploads.projectNotFound"),
};

/** The group a cover's subject belongs to, if the actor may see it. */
async function groupOfSubject(db: Db, subject: CoverSubject, id: string, viewerId: string): Promise<string | undefined> {
  const visible = groupVisibleTo(viewerId);
  if (subject === "groups") {
    const [row] = await db.select({ groupId: groups.id }).from(groups).where(and(eq(groups.id, id), visible)).limit(1);
    return row?.groupId;
  }
  if (subject === "activities") {
    const [row] = await db
      .select({ groupId: activities.groupId })
      .from(activities)
      .innerJoin(groups, eq(groups.id, activities.groupId))
      .where(and(eq(activities.id, id), isNull(activities.hiddenAt), visible))
      .limit(1);
    return row?.groupId;
  }
  const [row] = await db
    .select({ groupId: projects.groupId })
    .from(projects)
    .innerJoin(groups, eq(groups.id, projects.groupId))
    .where(and(eq(projects.id, id), isNull(projects.hiddenAt), visible))
    .limit(1);
  return row?.groupId;
}

async function authorizeCover(actor: Actor, subject: CoverSubject, id: string): Promise<ActionResult<{ groupId: string }>> {
  if (!actor) return fail("unauthenticated", say("errors.action.signInFirst"));
  const db = await getDb();
  const groupId = await groupOfSubject(db, subject, id, actor.id);
  if (!groupId) return fail("not_found", NOT_FOUND[subject]());
  const [mine] = await db.select().from(memberships).where(and(eq(memberships.groupId, groupId), eq(memberships.userId, actor.id))).limit(1);
  const allowed = authorize(actor, mine, "organizer");
  if (!allowed.ok) return fail(allowed.code, say("errors.refusals.uploads.onlyGroupsOrganizersChange"));
  return { ok: true, data: { groupId } };
}

const ownerColumn = (subject: CoverSubject | "photo") =>
  subject === "activities" ? uploads.activityId : subject === "groups" ? uploads.groupId : subject === "projects" ? uploads.projectId : uploads.userId;
const ownerField = (subject: CoverSubject | "photo") =>
  subject === "activities" ? "activityId" : subject === "groups" ? "groupId" : subject === "projects" ? "projectId" : "userId";

export type SavedPicture = { id: string; widths: number[]; width: number; height: number; alt: string };

/** Puts processed files in place and their row instead of the owner's previous one. */
async function replacePicture(owner: CoverSubject | "photo", ownerId: string, uploaderId: string, image: ProcessedImage, alt: string): Promise<SavedPicture> {
  const id = await storeImage(image);
  const db = await getDb();
  let replaced: string[] = [];
  try {
    const row = await db.transaction(async (tx) => {
      const gone = await tx.delete(uploads).where(eq(ownerColumn(owner), ownerId)).returning({ id: uploads.id });
      replaced = gone.map((g) => g.id);
      const [saved] = await tx
        .insert(uploads)
        .values({ id, [ownerField(owner)]: ownerId, uploadedById: uploaderId, alt, widths: image.files.map((f) => f.width), width: image.width, height: image.height })
        .returning();
      return saved;
    });
    for (const old of replaced) await removeImageFiles(old);
    return { id: row.id, widths: row.widths, width: row.width, height: row.height, alt: row.alt };
  } catch (error) {
    await removeImageFiles(id);
    throw error;
  }
}

/** Sets the cover of an activity, a group or a project: its group's organizers only. */
export async function setCover(actor: Actor, subject: CoverSubject, id: string, bytes: Uint8Array, alt: string): Promise<ActionResult<SavedPicture>> {
  const allowed = await authorizeCover(actor, subject, id);
  if (!allowed.ok) return allowed;
  const image = await processImage(bytes, "cover");
  if (!image.ok) return { ok: false, code: "invalid_input", message: image.message, fieldErrors: { file: image.message } };
  return { ok: true, data: await replacePicture(subject, id, actor!.id, image, alt) };
}

/** Takes the cover off; "nothing to remove" is answered as done. */
export async function removeCover(actor: Actor, subject: CoverSubject, id: string): Promise<ActionResult<{ removed: boolean }>> {
  const allowed = await authorizeCover(actor, subject, id);
  if (!allowed.ok) return allowed;
  const db = await getDb();
  const gone = await db.delete(uploads).where(eq(ownerColumn(subject), id)).returning({ id: uploads.id });
  for (const old of gone) await removeImageFiles(old.id);
  return { ok: true, data: { removed: gone.length > 0 } };
}

/** A member's own photo. */
export async function setPhoto(actor: Actor, bytes: Uint8Array): Promise<ActionResult<SavedPicture>> {
  if (!actor) return fail("unauthenticated", say("errors.action.signInFirst"));
  const image = await processImage(bytes, "photo");
  if (!image.ok) return { ok: false, code: "invalid_input", message: image.message, fieldErrors: { file: image.message } };
  return { ok: true, data: await replacePicture("photo", actor.id, actor.id, image, "") };
}

export async function removePhoto(actor: Actor): Promise<ActionResult<{ removed: boolean }>> {
  if (!actor) return fail("unauthenticated", say("errors.action.signInFirst"));
  const db = await getDb();
  const gone = await db.delete(uploads).where(eq(uploads.userId, actor.id)).returning({ id: uploads.id });
  for (const old of gone) await removeImageFiles(old.id);
  return { ok: true, data: { removed: gone.length > 0 } };
}

/**
 * Removes the files of pictures whose row is gone: with a deleted account, group, activity or
 * project (their rows go by foreign key), or left by a write that never committed. Folders
 * younger than `graceMs` are left alone, since their row may be being written.
 */
export async function sweepUploadFiles(now = new Date(), graceMs = 60_000): Promise<number> {
  const stored = (await storedImageIds()).filter((s) => now.getTime() - s.modifiedAt.getTime() >= graceMs);
  if (!stored.length) return 0;
  const db = await getDb();
  const known = new Set<string>();
  for (let i = 0; i < stored.length; i += 500) {
    const ids = stored.slice(i, i + 500).map((s) => s.id);
    for (const row of await db.select({ id: uploads.id }).from(uploads).where(inArray(uploads.id, ids))) known.add(row.id);
  }
  let removed = 0;
  for (const s of stored) {
    if (known.has(s.id)) continue;
    await removeImageFiles(s.id);
    removed++;
  }
  return removed;
}
