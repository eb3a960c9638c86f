import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "../client";
import { getReportTarget } from "../queries/reports";
import { blocks, users } from "../schema";

export type BlockResult = { ok: true; name: string } | { ok: false; code: "not_found" | "self" };

/** Blocks a member; blocking twice changes nothing. The blocked member is not told. */
export async function blockMember(blockerId: string, blockedId: string): Promise<BlockResult> {
  if (blockerId === blockedId) return { ok: false, code: "self" };
  const db = await getDb();
  const [target] = await db.select({ name: users.name }).from(users).where(eq(users.id, blockedId)).limit(1);
  if (!target) return { ok: false, code: "not_found" };
  await db.insert(blocks).values({ blockerId, blockedId }).onConflictDoNothing();
  return { ok: true, name: target.name };
}

/** Lifts a block this member made. */
export async function unblockMember(blockerId: string, blockedId: string): Promise<void> {
  const db = await getDb();
  await db.delete(blocks).where(and(eq(blocks.blockerId, blockerId), eq(blocks.blockedId, blockedId)));
}

/**
 * Blocks the author of a comment the member can see, found from the comment alone: the page
 * never needs to carry the author's id, and nothing here tells the caller who it was. A comment
 * the member cannot see (a private group they are not in, removed, hidden, already blocked) is
 * not found; their own comment is "self".
 */
export async function blockCommentAuthor(blockerId: string, commentId: string): Promise<{ ok: true } | { ok: false; code: "not_found" | "self" }> {
  const target = await getReportTarget("comment", commentId, blockerId);
  if (!target?.subjectId) return { ok: false, code: "not_found" };
  if (target.subjectId === blockerId) return { ok: false, code: "self" };
  const result = await blockMember(blockerId, target.subjectId);
  return result.ok ? { ok: true } : result;
}
