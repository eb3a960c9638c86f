import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Select, Textarea } from "@/components/ui/field";
import { listGuestRoster, type GuestRosterEntry } from "@/db/queries/guest-rsvps";
import { getRsvpExtras } from "@/db/queries/rsvp-extras";
import { getActivityAccess, listActivityOrganizers, listRoster, type RosterEntry } from "@/db/queries/rsvps";
import { listSlotRoster } from "@/db/queries/slots";
import { listWalkIns, searchWalkInCandidates } from "@/db/queries/walk-ins";
import { walkInSearchSchema } from "@/lib/validation/walk-ins";
import { requireViewer } from "@/server/auth/session";
import { formatRange, formatTime } from "@/lib/dates";
import type { UiLocale } from "@/lib/i18n/locales";
import { ActionForm } from "./action-form";
import { markAllAttendedAction, markAttendanceAction, pairGreeterAction } from "./actions";
import { MessageListForm } from "./list-forms";
import { messageListAction } from "./walk-in-actions";
import { WALK_IN_SEARCH_PARAM, WalkIns } from "./walk-ins";
import { RsvpExtrasSection } from "./rsvp-extras-section";
import { SlotsSection } from "./slots-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organize");
  return { title: t("title") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

type T = Awaited<ReturnType<typeof getTranslations>>;

const attendanceKey = { attended: "attended", no_show: "noShow" } as const;
const attendanceOfKey = { attended: "attendedOf", no_show: "noShowOf" } as const;

/**
 * Attendance as a two-way toggle: the pressed button (aria-pressed) is the current state,
 * so the row does not say "Attended" twice. Pressing the other one changes it.
 */
function Attendance({ activityId, entry, canMark, t }: { activityId: string; entry: RosterEntry; canMark: boolean; t: T }) {
  if (!canMark) return entry.attendance ? <span className="text-sm" data-testid={`attendance-${entry.userId}`}>{t(`attendance.${attendanceKey[entry.attendance]}`)}</span> : null;
  return (
    <ActionForm action={markAttendanceAction} activityId={activityId} className="flex flex-wrap items-center gap-2" testId={`mark-${entry.userId}`}>
      <input type="hidden" name="userId" value={entry.userId} />
      {entry.attendance ? null : <span className="text-sm text-muted" data-testid={`attendance-${entry.userId}`}>{t("attendance.notMarked")}</span>}
      <div role="group" aria-label={t("attendance.of", { name: entry.name })} className="inline-flex overflow-hidden rounded-lg border border-line">
        {(["attended", "no_show"] as const).map((value) => {
          const pressed = entry.attendance === value;
          return (
            <button
              key={value}
              type="submit"
              name="attendance"
              value={value}
              aria-pressed={pressed}
              aria-label={t(`attendance.${attendanceOfKey[value]}`, { name: entry.name })}
              className={`min-h-11 px-3 text-sm font-semibold ${pressed ? "bg-brand text-brand-ink before:content-['✓_']" : "bg-surface text-ink hover:bg-brand-soft"}`}
              data-testid={pressed ? `attendance-${entry.userId}` : undefined}
            >
              {t(`attendance.${attendanceKey[value]}`)}
            </button>
          );
        })}
      </div>
    </ActionForm>
  );
}

function Roster({ title, entries, activityId, canMark, testId, empty, t }: { title: string; entries: RosterEntry[]; activityId: string; canMark: boolean; testId: string; empty: string; t: T }) {
  return (
    <section aria-labelledby={`${testId}-heading`} className="space-y-2">
      <h2 id={`${testId}-heading`} className="text-xl font-semibold">{title}</h2>
      {entries.length === 0 ? <p className="text-sm text-muted">{empty}</p> : null}
      <ul className="divide-y divide-line" data-testid={testId}>
        {entries.map((e) => (
          <li key={e.userId} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid={`${testId}-row`}>
            <span>
              {e.position ? <span className="mr-2 font-semibold">{t("position", { position: e.position })}</span> : null}
              {e.name}
              {e.goTogether ? <span className="ml-2 text-sm text-muted">{t("roster.goTogether")}</span> : null}
              {e.offersToGreet ? <span className="ml-2 text-sm text-muted">{t("roster.offersToGreet")}</span> : null}
            </span>
            <Attendance activityId={activityId} entry={e} canMark={canMark} t={t} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Guests (an RSVP by first name and email, no account), marked as guests; attendance is for members. */
function GuestRoster({ entries, zone, t, locale }: { entries: GuestRosterEntry[]; zone: string; t: T; locale: UiLocale }) {
  if (entries.length === 0) return null;
  const note = (g: GuestRosterEntry) =>
    g.confirmed
      ? t("guests.note", { status: g.status })
      : g.holdExpiresAt
        ? t("guests.noteHeld", { status: g.status, time: formatTime(g.holdExpiresAt, zone, locale) })
        : t("guests.noteHeldSoon", { status: g.status });
  return (
    <section aria-labelledby="roster-guests-heading" className="space-y-2">
      <h2 id="roster-guests-heading" className="text-xl font-semibold">{t("guests.heading", { count: entries.length })}</h2>
      <p className="text-sm text-muted">{t("guests.intro")}</p>
      <ul className="divide-y divide-line" data-testid="roster-guests">
        {entries.map((g) => (
          <li key={g.id} className="py-2" data-testid="roster-guests-row" data-status={g.status}>
            {g.position ? <span className="mr-2 font-semibold">{t("position", { position: g.position })}</span> : null}
            {g.firstName} <span className="text-sm text-muted">{note(g)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The organizer view of an activity: who is coming, pairing greeters, attendance, walk-ins, CSV, a message to any list. */
export default async function OrganizeActivityPage({ params, searchParams }: Props) {
  const raw = (await params).id;
  const id = z.uuid().safeParse(raw);
  if (!id.success) notFound();
  const viewer = await requireViewer(`/activities/${raw}/organize`);
  const [t, locale] = await Promise.all([getTranslations("organize"), getLocale() as Promise<UiLocale>]);
  const access = await getActivityAccess(id.data, viewer.id);
  if (!access) notFound();
  if (!access.isOrganizer) forbidden();
  const asked = (await searchParams)[WALK_IN_SEARCH_PARAM];
  const search = typeof asked === "string" ? asked : null;
  const searched = search === null ? null : walkInSearchSchema.safeParse(search);
  const canMark = access.status !== "cancelled" && access.startsAt <= new Date();
  const [roster, organizers, guests, walkIns, extras, slots, found] = await Promise.all([
    listRoster(id.data),
    listActivityOrganizers(id.data),
    listGuestRoster(id.data),
    listWalkIns(id.data),
    getRsvpExtras(id.data),
    listSlotRoster(id.data),
    canMark && searched?.success ? searchWalkInCandidates(id.data, viewer.id, searched.data) : null,
  ]);
  const going = roster.filter((r) => r.status === "going");
  const maybe = roster.filter((r) => r.status === "maybe");
  const waitlist = roster.filter((r) => r.status === "waitlisted").sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const requests = roster.filter((r) => r.goTogether && (r.status === "going" || r.status === "waitlisted"));
  const greeters = new Map<string, string>();
  for (const g of going.filter((r) => r.offersToGreet)) greeters.set(g.userId, t("goTogether.offered", { name: g.name }));
  for (const o of organizers) if (!greeters.has(o.userId)) greeters.set(o.userId, t("goTogether.organizer", { name: o.name }));

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p><Link className="underline" href={`/activities/${id.data}`}>{t("back", { title: access.title })}</Link></p>
        <h1 className="text-2xl font-bold">{t("heading")}</h1>
        <p className="text-muted">{formatRange(access.startsAt, access.endsAt, access.timezone, locale)}</p>
        <p>
          <a className="underline" href={`/activities/${id.data}/organize/attendees.csv`} download data-testid="csv-link">{t("csv")}</a>
        </p>
      </header>

      {canMark ? (
        <ActionForm action={markAllAttendedAction} activityId={id.data} testId="mark-all">
          <Button type="submit">{t("markAll")}</Button>
        </ActionForm>
      ) : (
        <Alert>{t("attendanceLater")}</Alert>
      )}

      <SlotsSection activity={{ id: id.data, startsAt: access.startsAt, endsAt: access.endsAt, timezone: access.timezone }} slots={slots} canChange={access.status !== "cancelled" && access.endsAt > new Date()} />

      <Roster title={t("roster.going", { count: going.length })} entries={going} activityId={id.data} canMark={canMark} testId="roster-going" empty={t("roster.goingEmpty")} t={t} />

      <section aria-labelledby="go-together-heading" className="space-y-2">
        <h2 id="go-together-heading" className="text-xl font-semibold">{t("goTogether.heading", { count: requests.length })}</h2>
        {requests.length === 0 ? <p className="text-sm text-muted">{t("goTogether.none")}</p> : null}
        <ul className="space-y-3" data-testid="go-together-requests">
          {requests.map((r) => (
            <li key={r.userId}>
              <Card className="space-y-2">
                <p>
                  <span className="font-medium">{r.name}</span>
                  {r.status === "waitlisted" ? <span className="text-sm text-muted"> {t("goTogether.onWaitlist")}</span> : null}
                  {t("goTogether.separator")}
                  <span data-testid={`greeter-of-${r.userId}`}>{r.greeterName ? t("goTogether.meeting", { name: r.greeterName }) : t("goTogether.needsGreeter")}</span>
                </p>
                {greeters.size ? (
                  <ActionForm action={pairGreeterAction} activityId={id.data} className="flex flex-wrap items-end gap-2" testId={`pair-${r.userId}`}>
                    <input type="hidden" name="memberId" value={r.userId} />
                    <Field id={`greeter-${r.userId}`} label={t("goTogether.greeterFor", { name: r.name })}>
                      <Select id={`greeter-${r.userId}`} name="greeterId" defaultValue={r.greeterId ?? ""}>
                        <option value="" disabled>{t("goTogether.choose")}</option>
                        {[...greeters].filter(([gid]) => gid !== r.userId).map(([gid, label]) => (
                          <option key={gid} value={gid}>{label}</option>
                        ))}
                      </Select>
                    </Field>
                    <Button type="submit" variant="secondary">{r.greeterId ? t("goTogether.change") : t("goTogether.pair")}</Button>
                  </ActionForm>
                ) : (
                  <p className="text-sm text-muted">{t("goTogether.noGreeters")}</p>
                )}
              </Card>
            </li>
          ))}
        </ul>
      </section>

      <Roster title={t("roster.maybe", { count: maybe.length })} entries={maybe} activityId={id.data} canMark={canMark} testId="roster-maybe" empty={t("roster.maybeEmpty")} t={t} />
      <Roster title={t("roster.waitlist", { count: waitlist.length })} entries={waitlist} activityId={id.data} canMark={false} testId="roster-waitlist" empty={t("roster.waitlistEmpty")} t={t} />
      <GuestRoster entries={guests} zone={access.timezone} t={t} locale={locale} />
      <RsvpExtrasSection activityId={id.data} questions={extras.questions} rows={extras.rows} zone={access.timezone} canEdit={access.endsAt > new Date()} hasSlots={slots.length > 0} />

      <WalkIns activityId={id.data} canRecord={canMark} walkIns={walkIns} search={search} found={found} />

      <section aria-labelledby="message-heading" className="space-y-2">
        <h2 id="message-heading" className="text-xl font-semibold">{t("sendMessage")}</h2>
        <MessageListForm
          action={messageListAction}
          activityId={id.data}
          counts={{ going: going.length, maybe: maybe.length, waitlist: waitlist.length, walk_ins: walkIns.members.length, group: null }}
        />
      </section>
    </div>
  );
}
