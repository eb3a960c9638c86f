import "server-only";
import { env } from "./env";
import { formatTime } from "./dates";
import { translator } from "./i18n/catalog";
import { DEFAULT_LOCALE, type Locale } from "./i18n/locales";
import type { CalendarEvent } from "./ical";

/** What an activity needs to become a calendar event; ActivityDetail and feed rows both fit. */
export interface CalendarActivity {
  id: string;
  title: string;
  description: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  sequence: number;
  updatedAt: Date;
  placeName: string | null;
  address: string | null;
  /** Whether it can be joined online. */
  online: boolean;
  /** The meeting link, only when the calendar's reader is going or organizes it (meetingLinkFor); else null. */
  onlineUrl: string | null;
  latitude: number | null;
  longitude: number | null;
  groupName: string;
  /** The time slots the calendar's reader holds in it, soonest first: their entry then spans those. */
  mySlots?: Array<{ startsAt: Date; endsAt: Date }> | null;
}

/** The address calendars show as ORGANIZER: the site's sending address, so no member's own address leaks. */
export function organizerAddress(origin: string): string {
  const from = env().MAIL_FROM;
  const inBrackets = from?.match(/<([^>]+)>/)?.[1] ?? from;
  if (inBrackets && inBrackets.includes("@")) return inBrackets.trim();
  const host = new URL(origin).hostname;
  return `noreply@${host.includes(".") ? host : `${host}.invalid`}`;
}

/**
 * An activity as a calendar event whose links point at `origin`, the words around its own text
 * in the reader's `locale` (messages/<locale>/calendar.json).
 */
export function activityCalendarEvent(activity: CalendarActivity, origin: string, locale: Locale = DEFAULT_LOCALE): CalendarEvent {
  const t = translator(locale, "calendar");
  const page = `${origin}/activities/${activity.id}`;
  // A reader holding time slots is there for those: the entry (one per activity, so it keeps its UID)
  // runs from their first slot's start to their last slot's end, and names each slot.
  const slots = activity.mySlots?.length ? activity.mySlots : null;
  const slotLine = slots ? t("slots", { count: slots.length, times: slots.map((s) => `${formatTime(s.startsAt, activity.timezone, locale)}–${formatTime(s.endsAt, activity.timezone, locale)}`).join(", ") }) : "";
  return {
    uid: `${activity.id}@common-thread`,
    sequence: activity.sequence,
    title: activity.title,
    description: [slotLine, activity.description, activity.onlineUrl ? t("onlineLink", { url: activity.onlineUrl }) : "", page].filter(Boolean).join("\n\n").trim(),
    location: [activity.placeName, activity.address].filter(Boolean).join(", ") || activity.onlineUrl || (activity.online ? t("online") : ""),
    url: page,
    startsAt: slots ? slots[0].startsAt : activity.startsAt,
    endsAt: slots ? new Date(Math.max(...slots.map((s) => s.endsAt.getTime()))) : activity.endsAt,
    timezone: activity.timezone,
    updatedAt: activity.updatedAt,
    cancelled: activity.status === "cancelled",
    latitude: activity.latitude,
    longitude: activity.longitude,
    organizer: { name: activity.groupName, email: organizerAddress(origin) },
  };
}
