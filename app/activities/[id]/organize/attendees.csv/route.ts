import { z } from "zod";
import { listGuestRoster } from "@/db/queries/guest-rsvps";
import { getActivityAccess, listRoster } from "@/db/queries/rsvps";
import { getRsvpExtras } from "@/db/queries/rsvp-extras";
import { answerText } from "@/lib/rsvp-questions";
import { listSlotRoster } from "@/db/queries/slots";
import { slotCellsByMember } from "@/lib/validation/slots";
import { resolveApiCaller } from "@/server/api/auth";
import { apiError, guarded } from "@/server/api/http";
import { requestLocale } from "@/server/request-locale";
import { speaking, speakNow } from "@/server/speaking";
import { say } from "@/lib/i18n/said";
import { isLocale } from "@/lib/i18n/locales";
import { toCsv } from "../csv";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

const order = { going: 0, maybe: 1, waitlisted: 2, not_going: 3 } as const;

const COLUMNS = ["name", "rsvp", "waitlistPosition", "goTogether", "offersToGreet", "greeter", "attendance", "respondedAt", "guest", "guestEmail", "slots", "stillComingAt"] as const;
const yesNo = (value: boolean) => say(value ? "csv.yes" : "csv.no");
const statusWord = (status: keyof typeof order) => say(`csv.attendees.status.${status}`);
const attendanceWord = (value: string | null) => (value === null ? null : say(`csv.attendees.attendance.${value}`));

/** GET /activities/:id/organize/attendees.csv — everyone who answered, for the group's organizers only. */
function slotOnly(slots: Awaited<ReturnType<typeof listSlotRoster>>, answered: Set<string>): Array<{ userId: string; name: string }> {
  const seen = new Map<string, string>();
  for (const s of slots) for (const p of s.waiting) if (!answered.has(p.userId)) seen.set(p.userId, p.name);
  return [...seen].map(([userId, name]) => ({ userId, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The file's words (column names, yes and no, answers) and its refusals are in the language the
 * organizer's pages are in: their own setting, else the language cookie, else Accept-Language.
 */
export async function GET(request: Request, { params }: Ctx) {
  return speaking(await requestLocale(request), () => guarded(async () => {
    const id = z.uuid().safeParse((await params).id);
    const caller = await resolveApiCaller(request);
    if (caller && isLocale(caller.locale)) speakNow(caller.locale);
    if (!caller) return apiError("unauthenticated", say("errors.routes.attendeesCsv.signIn"));
    if (!id.success) return apiError("not_found", say("errors.api.noActivity"));
    const access = await getActivityAccess(id.data, caller.id);
    if (!access) return apiError("not_found", say("errors.api.noActivity"));
    if (!access.isOrganizer) return apiError("forbidden", say("errors.routes.attendeesCsv.organizersOnly"));
    const [members, guests, slots, extras] = await Promise.all([listRoster(id.data), listGuestRoster(id.data), listSlotRoster(id.data), getRsvpExtras(id.data)]);
    const slotCell = slotCellsByMember(slots, access.timezone, access.startsAt);
    // "Still coming" and one column per question on RSVP, after the columns that were there first.
    const extra = new Map(extras.rows.map((r) => [r.userId, [r.stillComingAt?.toISOString() ?? "", ...extras.questions.map((q) => answerText(q, r.answers[q.id]))]]));
    const noExtra = ["", ...extras.questions.map(() => "")];
    // Guests are marked as guests, with the email they gave: this file is the one place an organizer sees it.
    const rows = [
      ...members.map((r) => ({ status: r.status, position: r.position, cells: [r.name, statusWord(r.status), r.position, yesNo(r.goTogether), yesNo(r.offersToGreet), r.greeterName, attendanceWord(r.attendance), r.respondedAt.toISOString(), yesNo(false), "", slotCell.get(r.userId) ?? "", ...(extra.get(r.userId) ?? noExtra)] })),
      ...guests.map((g) => ({ status: g.status, position: g.position, cells: [g.firstName, g.confirmed ? statusWord(g.status) : say("csv.attendees.notConfirmed", { status: statusWord(g.status) }), g.position, yesNo(false), yesNo(false), null, null, g.respondedAt.toISOString(), yesNo(true), g.email, "", ...noExtra] })),
      // Members only in a full slot's line have no place at the activity yet, so no RSVP: listed for their slot.
      ...slotOnly(slots, new Set(members.map((m) => m.userId))).map((p) => ({ status: "waitlisted" as const, position: null, cells: [p.name, say("csv.attendees.slotWaitlistOnly"), null, yesNo(false), yesNo(false), null, null, null, yesNo(false), "", slotCell.get(p.userId) ?? "", ...noExtra] })),
    ].sort((a, b) => order[a.status] - order[b.status] || (a.position ?? 0) - (b.position ?? 0));
    const csv = toCsv(
      [...COLUMNS.map((c) => say(`csv.attendees.columns.${c}`)), ...extras.questions.map((q) => q.prompt)],
      rows.map((r) => r.cells),
    );
    const slug = access.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "activity";
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8; header=present",
        "Content-Disposition": `attachment; filename="${slug}-attendees.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  }));
}
