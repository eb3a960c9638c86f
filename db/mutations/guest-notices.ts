import "server-only";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { formatWhen } from "@/lib/dates";
import { siteUrl } from "@/lib/env";
import { translator } from "@/lib/i18n/catalog";
import type { Locale } from "@/lib/i18n/locales";
import { inLocale, type Words } from "@/lib/i18n/words";
import { guestConfirmPath, guestLinkToken, guestManagePath } from "@/lib/guest-links";
import type { Db } from "../client";
import { guestRsvps, type Activity, type GuestRsvp } from "../schema";
import { enqueueEmails, type EmailInput } from "./email";

/*
 * What guests are told, by email only (they have no account and no in-app notices). Every
 * email carries the guest's private link, built here with the RSVP's current nonce, and is
 * written to the outbox in the transaction of the change it tells about. A guest has no account to
 * hold a language setting: their emails are in the language of the request they RSVP'd from, kept
 * on their RSVP (`guest_rsvps.locale`).
 */

type Guest = Pick<GuestRsvp, "id" | "email" | "firstName" | "tokenNonce" | "locale">;
type About = Pick<Activity, "id" | "title" | "startsAt" | "timezone">;

export const GUEST_HOLD_MINUTES = 30;

const manageUrl = (g: Guest) => `${siteUrl()}${guestManagePath(guestLinkToken("manage", g.id, g.tokenNonce))}`;
const tr = (locale: Locale) => translator(locale, "email");

/** The confirmation link for a place just held (or a second request for the same activity). */
export function confirmEmail(g: Guest, a: About, waitlisted: boolean): EmailInput<"guest_confirm"> {
  return {
    to: g.email,
    locale: g.locale,
    type: "guest_confirm",
    dedupeKey: `guest-confirm:${g.id}:${g.tokenNonce}`,
    data: (locale) => {
      const t = tr(locale);
      return {
        title: t("guest.confirm.title", { title: a.title }),
        lines: [
          t("guest.confirm.line", { name: g.firstName, title: a.title, when: formatWhen(a.startsAt, a.timezone, locale) }),
          t(waitlisted ? "guest.confirm.holdWaitlist" : "guest.confirm.hold", { minutes: GUEST_HOLD_MINUTES }),
          t("guest.confirm.ignore"),
        ],
        url: `${siteUrl()}${guestConfirmPath(guestLinkToken("confirm", g.id, g.tokenNonce))}`,
        label: t("guest.confirm.label"),
        why: t("guest.confirm.why"),
      };
    },
  };
}

/** "You're going" (or waiting), with the calendar entry attached and the private manage link. */
export function confirmedEmail(g: Guest, a: About, waitlisted: boolean): EmailInput<"guest_notice"> {
  return {
    to: g.email,
    locale: g.locale,
    type: "guest_notice",
    activityId: a.id,
    dedupeKey: `guest-confirmed:${g.id}:${g.tokenNonce}`,
    data: (locale) => {
      const t = tr(locale);
      return {
        title: t(waitlisted ? "guest.confirmed.titleWaitlist" : "guest.confirmed.title", { title: a.title }),
        lines: [
          waitlisted ? t("guest.confirmed.lineWaitlist", { name: g.firstName }) : t("guest.confirmed.line", { name: g.firstName, when: formatWhen(a.startsAt, a.timezone, locale) }),
          t("guest.confirmed.keep"),
        ],
        url: manageUrl(g),
        label: t("guest.manage"),
        why: t("guest.why"),
      };
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
      locale: g.locale,
      type: "guest_notice" as const,
      activityId: activity.id,
      dedupeKey: `guest-promoted:${g.id}:${activity.id}:${Date.now()}`,
      data: (locale: Locale) => {
        const t = tr(locale);
        return {
          title: t("guest.promoted.title", { title: activity.title }),
          lines: [t("guest.promoted.line", { name: g.firstName, when: formatWhen(activity.startsAt, activity.timezone, locale) }), t("guest.promoted.cancel")],
          url: manageUrl(g),
          label: t("guest.manage"),
          why: t("guest.why"),
        };
      },
    })),
  );
}

/** The day-before reminder for confirmed guests going (the same words as members get). */
export async function remindGuests(tx: Db, activity: Activity, due: Date, title: Words, body: Words): Promise<number> {
  const going = await tx
    .select()
    .from(guestRsvps)
    .where(and(eq(guestRsvps.activityId, activity.id), eq(guestRsvps.status, "going"), isNotNull(guestRsvps.confirmedAt)));
  const inTime = going.filter((g) => g.createdAt <= due);
  return enqueueEmails(
    tx,
    inTime.map((g) => ({
      to: g.email,
      locale: g.locale,
      type: "guest_notice" as const,
      activityId: activity.id,
      dedupeKey: `guest-reminder:${g.id}:${activity.startsAt.toISOString()}`,
      data: (locale: Locale) => {
        const t = tr(locale);
        return { title: inLocale(title, locale), lines: [inLocale(body, locale), t("guest.reminderCancel")], url: manageUrl(g), label: t("guest.manage"), why: t("guest.why") };
      },
    })),
  );
}

/** One email to each confirmed guest of `activity` (only those with `status`, when given), with their manage link. */
async function emailConfirmedGuests(tx: Db, activity: Pick<Activity, "id" | "title">, status: "going" | "waitlisted" | undefined, title: Words, body: Words, dedupe: string): Promise<number> {
  const told = await tx
    .select()
    .from(guestRsvps)
    .where(and(eq(guestRsvps.activityId, activity.id), isNotNull(guestRsvps.confirmedAt), status ? eq(guestRsvps.status, status) : undefined));
  return enqueueEmails(
    tx,
    told.map((g) => ({
      to: g.email,
      locale: g.locale,
      type: "guest_notice" as const,
      activityId: activity.id,
      dedupeKey: `${dedupe}:${g.id}`,
      data: (locale: Locale) => {
        const t = tr(locale);
        return { title: inLocale(title, locale), lines: [t("guest.hi", { name: g.firstName }), inLocale(body, locale)], url: manageUrl(g), label: t("guest.manage"), why: t("guest.why") };
      },
    })),
  );
}

/** Confirmed guests going or waiting when the activity changes time or place or is cancelled. */
export async function tellGuestsOfChange(tx: Db, activity: Pick<Activity, "id" | "title">, title: Words, body: Words, key: string): Promise<number> {
  return emailConfirmedGuests(tx, activity, undefined, title, body, `guest-change:${key}`);
}

/** An organizer's message to one list (going, or the waitlist): the confirmed guests on it, each by their own email. */
export async function tellGuestsOnList(tx: Db, activity: Pick<Activity, "id" | "title">, status: "going" | "waitlisted", title: Words, body: Words, key: string): Promise<number> {
  return emailConfirmedGuests(tx, activity, status, title, body, `guest-message:${key}`);
}
