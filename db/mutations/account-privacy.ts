import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "../client";
import { users } from "../schema";

/** Whether other signed-in members may see this member's name on "who's going" lists. */
export async function setListedAsGoing(userId: string, listed: boolean): Promise<void> {
  const db = await getDb();
  await db.update(users).set({ listedAsGoing: listed }).where(eq(users.id, userId));
}
