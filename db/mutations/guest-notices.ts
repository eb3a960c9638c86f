import "server-only";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { formatWhen } from "@/lib/dates";
import { siteUrl } from "@/lib/env";
import { guestConfirmPath, guestLinkToken, guestManagePath } from "@/lib/guest-links";
import type { Db } from "../client";
import { guestRsvps, type Activity, type GuestRsvp } from "../schema";
import { enqueueEmails, type EmailInput } from "./email";

/*
 * What guests are told, by email only (they have no account and no in-app notices). Every
 * email carries the guest's private link, built here with the RSVP's current nonce, and is
 * written to the outbox in the transaction of the change it tells about.
 */

type Guest = Pick<GuestRsvp, "id" | "email" | "firstName" | "tokenNonce">;
type About = Pick<Activity, "id" | "title" | "startsAt" | "timezone">;

export const GUEST_HOLD_MINUTES = 30;

const manageUrl = (g: Guest) => `${siteUrl()}${guestManagePath(guestLinkToken("manage", g.id, g.tokenNonce))}`;
const why = "you RSVPed to this activity as a guest with this address";

/** The confirmation link for a place just held (or a second request for the same activity). */
export function confirmEmail(g: Guest, a: About, waitlisted: boolean): EmailInput<"guest_confirm"> {
  return {
    to: g.email,
    type: "guest_confirm",
    dedupeKey: `guest-confirm:${g.id}:${g.tokenNonce}`,
    data: {
      title: `Confirm your place at ${a.title}`,
      lines: [
        `Hi ${g.firstName}, please confirm your RSVP to ${a.title} (${formatWhen(a.startsAt, a.timezone)}).`,
        waitlisted
          ? `It's full just now, so you'd be on the waitlist. We hold your place in line for ${GUEST_HOLD_MINUTES} minutes; if you don't confirm by then, it goes to the next person.`
          : `We hold your place for ${GUEST_HOLD_MINUTES} minutes; if you don't confirm by then, it goes to the next person.`,
        "If it wasn't you, ignore this email: nothing happens and we forget the address.",
      ],
      url: `${siteUrl()}${guestConfirmPath(guestLinkToken("confirm", g.id, g.tokenNonce))}`,
      label: "Confirm my place",
      why: "someone RSVPed as a guest with this address",
    },
  };
}

/** "You're going" (or waiting), with the calendar entry attached and the private manage link. */
export function confirmedEmail(g: Guest, a: About, waitlisted: boolean): EmailInput<"guest_notice"> {
  return {
    to: g.email,
    type: "guest_notice",
    activityId: a.id,
    dedupeKey: `guest-confirmed:${g.id}:${g.tokenNonce}`,
    data: {
      title: waitlisted ? `You're on the waitlist for ${a.title}` : `You're going to ${a.title}`,
      lines: [
        waitlisted ? `Thanks, ${g.firstName}. We'll email you if a place opens.` : `Thanks, ${g.firstName}. See you ${formatWhen(a.startsAt, a.timezone)}. The calendar entry is attached.`,
        "Keep this email: its link is the only way to change or cancel your RSVP, and it is yours alone.",
      ],
      url: manageUrl(g),
      label: "See or change my RSVP",
      why,
    },
  };
}

/** Tells confirmed guests just moved off the waitlist (a held, unconfirmed place is told when confirmed). */
export async function tellPromotedGuests(tx: Db, activity: Activity, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const promoted = await tx.select().from(guestRsvps).where(and(inArray(guestRsvps.id, ids), isNotNull(guestRsvps.confirmedAt)));
  await enqueueEmails(
    tx,
    promoted.map((g) => ({
      to: g.email,
      type: "guest_notice" as const,
      activityId: activity.id,
      dedupeKey: `guest-promoted:${g.id}:${activity.id}:${Date.now()}`,
      data: {
        title: `A place opened up — you're going to ${activity.title}`,
        lines: [`Hi ${g.firstName}, you've moved off the waitlist and have a place on ${formatWhen(activity.startsAt, activity.timezone)}.`, "If you can't make it any more, cancel with the link below so the next person can come."],
        url: manageUrl(g),
        label: "See or change my RSVP",
        why,
      },
    })),
  );
}

/** The day-before reminder for confirmed guests going (the same words as members get). */
export async function remindGuests(tx: Db, activity: Activity, due: Date, title: string, body: string): Promise<number> {
  const going = await tx
    .select()
    .from(guestRsvps)
    .where(and(eq(guestRsvps.activityId, activity.id), eq(guestRsvps.status, "going"), isNotNull(guestRsvps.confirmedAt)));
  const inTime = going.filter((g) => g.createdAt <= due);
  return enqueueEmails(
    tx,
    inTime.map((g) => ({
      to: g.email,
      type: "guest_notice" as const,
      activityId: activity.id,
      dedupeKey: `guest-reminder:${g.id}:${activity.startsAt.toISOString()}`,
      data: { title, lines: [body, "If you can't make it any more, cancel with the link below so someone else can come."], url: manageUrl(g), label: "See or change my RSVP", why },
    })),
  );
}

/** One email to each confirmed guest of `activity` (only those with `status`, when given), with their manage link. */
async function emailConfirmedGuests(tx: Db, activity: Pick<Activity, "id" | "title">, status: "going" | "waitlisted" | undefined, title: string, body: string, dedupe: string): Promise<number> {
  const told = await tx
    .select()
    .from(guestRsvps)
    .where(and(eq(guestRsvps.activityId, activity.id), isNotNull(guestRsvps.confirmedAt), status ? eq(guestRsvps.status, status) : undefined));
  return enqueueEmails(
    tx,
    told.map((g) => ({
      to: g.email,
      type: "guest_notice" as const,
      activityId: activity.id,
      dedupeKey: `${dedupe}:${g.id}`,
      data: { title, lines: [`Hi ${g.firstName},`, body], url: manageUrl(g), label: "See or change my RSVP", why },
    })),
  );
}

/** Confirmed guests going or waiting when the activity changes time or place or is cancelled. */
export async function tellGuestsOfChange(tx: Db, activity: Pick<Activity, "id" | "title">, title: string, body: string, key: string): Promise<number> {
  return emailConfirmedGuests(tx, activity, undefined, title, body, `guest-change:${key}`);
}

/** An organizer's message to one list (going, or the waitlist): the confirmed guests on it, each by their own email. */
export async function tellGuestsOnList(tx: Db, activity: Pick<Activity, "id" | "title">, status: "going" | "waitlisted", title: string, body: string, key: string): Promise<number> {
  return emailConfirmedGuests(tx, activity, status, title, body, `guest-message:${key}`);
}
