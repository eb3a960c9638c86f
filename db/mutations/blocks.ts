import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "../client";
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
