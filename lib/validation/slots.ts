import { z } from "zod";
import { DateTime } from "luxon";
import { formatDay, formatTime, resolveWallClock } from "@/lib/dates";
import { say, spokenLocale, words } from "@/lib/i18n/said";
import type { UiLocale } from "@/lib/i18n/locales";

/*
 * Time slots (shifts) as an organizer types them: one slot a line, "09:00-11:00 5" (five
 * places) or "11:00-13:00" (no limit), on the activity's first day in its own time zone; a
 * line may start with a date ("2027-05-02 09:00-11:00 4") for an activity over several days,
 * and its end may have its own date ("23:00-2027-05-03 01:00") for a slot past midnight.
 * The lines are checked against each other and against the activity's own start and end;
 * every refusal names the line it is about.
 */

/** The most slots one activity can have. */
export const MAX_SLOTS = 24;

export interface SlotLine {
  startsAt: Date;
  endsAt: Date;
  /** Null: no limit on places. */
  capacity: number | null;
}

export interface SlotBounds {
  startsAt: Date;
  endsAt: Date;
  timezone: string;
}

export type SlotParse = { ok: true; slots: SlotLine[] } | { ok: false; message: string };

const LINE = /^(?:(\d{4}-\d{2}-\d{2})\s+)?(\d{1,2}):(\d{2})\s*(?:-|–|—|to)\s*(?:(\d{4}-\d{2}-\d{2})\s+)?(\d{1,2}):(\d{2})(?:\s*,?\s*(.*))?$/i;
const UNLIMITED = /^(?:|unlimited|no limit|any|-)$/i;

function at(day: string, hour: number, minute: number, zone: string): Date | undefined {
  const [year, month, d] = day.split("-").map(Number);
  if (hour > 23 || minute > 59) return undefined;
  const check = new Date(Date.UTC(year, month - 1, d));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== d) return undefined;
  return resolveWallClock({ year, month, day: d, hour, minute }, zone).instant;
}

/**
 * "09:00–11:00", with the day too when the slot is not on the activity's first day, in `locale`
 * (by default the language being spoken: a refusal's, or the page's when a page passes its own).
 */
export function slotLabel(slot: { startsAt: Date; endsAt: Date }, zone: string, activityStart?: Date, locale: UiLocale = spokenLocale()): string {
  const range = `${formatTime(slot.startsAt, zone, locale)}–${formatTime(slot.endsAt, zone, locale)}`;
  return activityStart && formatDay(activityStart, zone) !== formatDay(slot.startsAt, zone) ? `${formatDay(slot.startsAt, zone, locale)}, ${range}` : range;
}

/** Slots written back as the lines the organizer would type, for the form. */
export function slotsToText(slots: SlotLine[], bounds: SlotBounds): string {
  const firstDay = DateTime.fromJSDate(bounds.startsAt, { zone: bounds.timezone }).toISODate();
  return slots
    .map((s) => {
      const day = DateTime.fromJSDate(s.startsAt, { zone: bounds.timezone }).toISODate();
      const endDay = DateTime.fromJSDate(s.endsAt, { zone: bounds.timezone }).toISODate();
      const range = `${formatTime(s.startsAt, bounds.timezone)}-${endDay !== day ? `${endDay} ` : ""}${formatTime(s.endsAt, bounds.timezone)}`;
      return `${day !== firstDay ? `${day} ` : ""}${range}${s.capacity === null ? "" : ` ${s.capacity}`}`;
    })
    .join("\n");
}

/** The organizer's lines as slots, or the first thing wrong with them, as a sentence. */
export function parseSlotLines(text: string, bounds: SlotBounds): SlotParse {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.length > MAX_SLOTS) return { ok: false, message: say("validation.slots.tooMany", { count: lines.length, max: MAX_SLOTS }) };
  const firstDay = DateTime.fromJSDate(bounds.startsAt, { zone: bounds.timezone }).toISODate()!;
  const slots: Array<SlotLine & { line: string }> = [];
  for (const [i, line] of lines.entries()) {
    const where = { line: i + 1, text: line.length > 40 ? `${line.slice(0, 40)}…` : line };
    const m = LINE.exec(line);
    if (!m) return { ok: false, message: say("validation.slots.lineShape", where) };
    const day = m[1] ?? firstDay;
    const startsAt = at(day, Number(m[2]), Number(m[3]), bounds.timezone);
    const endsAt = at(m[4] ?? day, Number(m[5]), Number(m[6]), bounds.timezone);
    if (!startsAt || !endsAt) return { ok: false, message: say("validation.slots.lineNotReal", where) };
    if (endsAt.getTime() === startsAt.getTime()) return { ok: false, message: say("validation.slots.lineEndsAfter", where) };
    if (endsAt < startsAt) return { ok: false, message: say("validation.slots.lineEndBeforeStart", where) };
    const places = (m[7] ?? "").replace(/\s*(places?|spots?)$/i, "").trim();
    let capacity: number | null = null;
    if (!UNLIMITED.test(places)) {
      if (!/^\d+$/.test(places) || Number(places) < 1 || Number(places) > 10_000) {
        return { ok: false, message: say("validation.slots.linePlaces", where) };
      }
      capacity = Number(places);
    }
    if (startsAt < bounds.startsAt || endsAt > bounds.endsAt) {
      const when = slotLabel(bounds, bounds.timezone);
      const end = formatDay(bounds.endsAt, bounds.timezone, spokenLocale());
      return { ok: false, message: formatDay(bounds.startsAt, bounds.timezone, spokenLocale()) !== end ? say("validation.slots.lineOutsideEnding", { ...where, when, end }) : say("validation.slots.lineOutside", { ...where, when }) };
    }
    slots.push({ startsAt, endsAt, capacity, line });
  }
  const sorted = [...slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].startsAt < sorted[i - 1].endsAt) return { ok: false, message: say("validation.slots.overlap", { first: sorted[i - 1].line, second: sorted[i].line }) };
  }
  return { ok: true, slots: sorted.map(({ startsAt, endsAt, capacity }) => ({ startsAt, endsAt, capacity })) };
}

/** The organizer's slots form: the lines, as typed. */
export const slotsFormSchema = z.object({
  slots: z.string(words("validation.slots.writeSlots")).max(4000, words("validation.slots.tooLong")),
});

/** The sentence telling a member what taking or leaving a slot did. */
export function slotResultMessage(state: { status: "going" | "waitlisted" | "none"; position?: number; label: string }, changed: boolean, leaving: boolean, activityGoing: boolean): string {
  if (leaving) {
    if (!changed) return say("validation.slots.leftNothingChanged", { slot: state.label });
    return activityGoing ? say("validation.slots.left", { slot: state.label }) : say("validation.slots.leftAndPlace", { slot: state.label });
  }
  if (state.status === "waitlisted") return say("validation.slots.slotFull", { slot: state.label, position: state.position ?? "?" });
  return changed ? say("validation.slots.inSlot", { slot: state.label }) : say("validation.slots.alreadyInSlot", { slot: state.label });
}

/** The attendee CSV's "slots" cell for each member: their slots, soonest first, a waiting place marked. */
export function slotCellsByMember(
  slots: Array<{ startsAt: Date; endsAt: Date; going: Array<{ userId: string }>; waiting: Array<{ userId: string; position: number }> }>,
  zone: string,
  activityStart: Date,
): Map<string, string> {
  const cells = new Map<string, string[]>();
  const add = (userId: string, text: string) => cells.set(userId, [...(cells.get(userId) ?? []), text]);
  for (const s of slots) {
    const label = slotLabel(s, zone, activityStart);
    for (const p of s.going) add(p.userId, label);
    for (const p of s.waiting) add(p.userId, say("csv.attendees.slotWaiting", { slot: label, position: p.position }));
  }
  return new Map([...cells].map(([k, v]) => [k, v.join("; ")]));
}
