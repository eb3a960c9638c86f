import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "../client";
import { emailLinks } from "../schema";
import { adoptGuestRsvps } from "./guest-rsvps";

/**
 * What follows once a member's email has just been confirmed, whichever way it was (the
 * confirmation link, a sign-in link, or single sign-on vouching for the address). Called once,
 * after the change that confirmed it has committed, with the confirmed address. Everything
 * that should happen to a member's rows because their address is now known to be theirs
 * belongs here, in this one place.
 *
 * The other confirmation links sent to them stop working (they have nothing left to do), and
 * the places they took as a guest with this address, confirmed and not yet over, become their
 * account's RSVPs (db/mutations/guest-rsvps.ts). An address nobody has confirmed adopts nothing.
 */
export async function onEmailVerified(userId: string, email: string): Promise<void> {
  const db = await getDb();
  await db
    .update(emailLinks)
    .set({ usedAt: new Date() })
    .where(and(eq(emailLinks.userId, userId), eq(emailLinks.email, email), eq(emailLinks.purpose, "verify"), isNull(emailLinks.usedAt)));
  await adoptGuestRsvps(userId, email, db);
}
