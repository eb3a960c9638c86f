import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Locale } from "@/lib/i18n/locales";
import type { Db } from "../client";
import { getDb } from "../client";
import { guestRsvps } from "../schema";

export interface GuestRosterEntry {
  id: string;
  firstName: string;
  /** For the organizers' CSV only: never shown on a page or in the API. */
  email: string;
  status: "going" | "waitlisted";
  /** 1-based place in the one line of members and guests, when waiting. */
  position: number | null;
  confirmed: boolean;
  /** Until when an unconfirmed place is held. */
  holdExpiresAt: Date | null;
  respondedAt: Date;
}

/**
 * An activity's guest RSVPs, for its group's organizers only (the caller has checked that):
 * going first, then the waitlist in its order.
 */
export async function listGuestRoster(activityId: string): Promise<GuestRosterEntry[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: guestRsvps.id,
      firstName: guestRsvps.firstName,
      email: guestRsvps.email,
      status: guestRsvps.status,
      // Written out in full: in a one-table select the ORM leaves columns unqualified, and inside these
      // subqueries an unqualified name would be the subquery's own.
      position: sql<number | null>`case when "guest_rsvps"."status" = 'waitlisted' then (
        (select count(*)::int from rsvps w where w.activity_id = "guest_rsvps"."activity_id" and w.status = 'waitlisted' and w.waitlist_seq <= "guest_rsvps"."waitlist_seq") +
        (select count(*)::int from guest_rsvps g where g.activity_id = "guest_rsvps"."activity_id" and g.status = 'waitlisted' and g.waitlist_seq <= "guest_rsvps"."waitlist_seq")) end`,
      confirmedAt: guestRsvps.confirmedAt,
      holdExpiresAt: guestRsvps.holdExpiresAt,
      respondedAt: guestRsvps.createdAt,
    })
    .from(guestRsvps)
    .where(eq(guestRsvps.activityId, activityId))
    .orderBy(sql`case ${guestRsvps.status} when 'going' then 0 else 1 end`, asc(guestRsvps.waitlistSeq));
  return rows.map((r) => ({
    id: r.id,
    firstName: r.firstName,
    email: r.email,
    status: r.status === "waitlisted" ? "waitlisted" : "going",
    position: r.position === null ? null : Number(r.position),
    confirmed: r.confirmedAt !== null,
    holdExpiresAt: r.confirmedAt ? null : r.holdExpiresAt,
    respondedAt: r.respondedAt,
  }));
}

/** The language a guest's emails to `email` about `activityId` are written in (the request they RSVP'd from), if that guest is still there. */
export async function getGuestLocale(activityId: string, email: string, db?: Db): Promise<Locale | undefined> {
  const [row] = await (db ?? (await getDb()))
    .select({ locale: guestRsvps.locale })
    .from(guestRsvps)
    .where(and(eq(guestRsvps.activityId, activityId), eq(guestRsvps.email, email)))
    .limit(1);
  return row?.locale;
}
