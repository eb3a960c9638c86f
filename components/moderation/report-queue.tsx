import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { decideReportAction, restoreReportedAction } from "./actions";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { DecidedItem, QueueItem, ReportTarget } from "@/db/queries/reports";
import { formatDay, formatTime } from "@/lib/dates";
import type { UiLocale } from "@/lib/i18n/locales";
import { OUTCOMES, REPORT_REASONS, type Outcome } from "@/lib/validation/report";
import { possessive } from "@/lib/possessive";
import { DecisionForm, RestoreForm } from "./decision-form";

/*
 * A moderation queue: open reports, one card per reported thing, and the record of recent
 * decisions. Who reported is never shown here, to anyone.
 */

export interface Moderator {
  id: string;
  isAdmin: boolean;
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

const shorten = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

const reasonKey = (r: string) => (Object.hasOwn(REPORT_REASONS, r) ? r : "other");

/** The outcomes this moderator may choose for this thing, in the words of the queue; or why none. */
function choicesFor(t: ReportTarget, m: Moderator, say: Translate, locale: UiLocale): { outcome: Outcome; label: string }[] | string {
  if (t.subjectId === m.id) return say("choice.yours");
  if (t.type === "group" && !m.isAdmin) return say("choice.groupItself");
  const who = t.subjectName ?? say("theMember");
  const choices: { outcome: Outcome; label: string }[] = [{ outcome: "dismiss", label: say("choice.dismiss") }];
  if (t.type !== "member") choices.push({ outcome: "hide", label: t.hidden ? say("choice.keepHidden") : say(`choice.hide.${t.type}`) });
  if (t.groupId && t.subjectId && t.type !== "group") {
    choices.push({ outcome: "remove", label: say("choice.remove", { who, group: t.groupName ?? "" }) });
    choices.push({ outcome: "ban", label: say("choice.ban", { who, group: t.groupName ?? "" }) });
  }
  // "Robin's account" in English; other languages name the person after the word for the account.
  if (m.isAdmin && t.subjectId) choices.push({ outcome: "suspend", label: say("choice.suspend", { whose: locale === "es" ? who : possessive(who) }) });
  return choices;
}

async function TargetSummary({ target }: { target: ReportTarget }) {
  const t = await getTranslations("moderation");
  return (
    <div className="space-y-1">
      <p className="font-medium">
        {t.rich(`target.${target.type}`, { title: shorten(target.title), link: (chunks) => <Link className="underline" href={target.href}>{chunks}</Link> })}
        {target.groupName && target.type !== "group" ? <span className="text-sm text-muted"> · {t("inGroup", { group: target.groupName })}</span> : null}
        {target.hidden ? <span className="ml-2" data-testid="hidden-mark"><Badge tone="danger">{t("hidden")}</Badge></span> : null}
      </p>
      {target.subjectName && target.type !== "member" ? <p className="text-sm text-muted">{t("by", { name: target.subjectName })}</p> : null}
      {target.excerpt ? <blockquote className="whitespace-pre-line border-l-4 border-line pl-3 text-sm" data-testid="reported-words">{target.excerpt}</blockquote> : null}
    </div>
  );
}

export async function ReportQueue({ open, decided, moderator, zone }: { open: QueueItem[]; decided: DecidedItem[]; moderator: Moderator; zone: string }) {
  const [t, locale] = await Promise.all([getTranslations("moderation"), getLocale() as Promise<UiLocale>]);
  const when = (d: Date) => `${formatDay(d, zone, locale)}, ${formatTime(d, zone, locale)}`;
  const reason = (r: string) => t(`reasons.${reasonKey(r)}`);
  const outcome = (o: string) => ((OUTCOMES as readonly string[]).includes(o) ? t(`outcomes.${o}`) : o);
  return (
    <div className="space-y-6">
      <section aria-labelledby="open-heading" className="space-y-3">
        <h2 id="open-heading" className="text-xl font-semibold">{t("queue.waiting")}</h2>
        {open.length === 0 ? <p className="text-muted" data-testid="queue-empty">{t("queue.empty")}</p> : null}
        <ul className="space-y-3" data-testid="open-reports">
          {open.map((item) => {
            const choices = choicesFor(item.target, moderator, t, locale);
            return (
              <li key={item.reportId}>
                <Card className="space-y-3" data-testid="open-report">
                  <TargetSummary target={item.target} />
                  <ul className="space-y-1 text-sm">
                    {item.reports.map((r) => (
                      <li key={r.id}>
                        <span className="font-medium">{reason(r.reason)}</span> <span className="text-muted">· {when(r.createdAt)}</span>
                        {r.note ? <span className="block whitespace-pre-line">{t("quoted", { note: r.note })}</span> : null}
                      </li>
                    ))}
                  </ul>
                  {typeof choices === "string" ? <p className="text-sm text-muted">{choices}</p> : <DecisionForm action={decideReportAction} reportId={item.reportId} choices={choices} />}
                </Card>
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="decided-heading" className="space-y-3">
        <h2 id="decided-heading" className="text-xl font-semibold">{t("queue.decided")}</h2>
        {decided.length === 0 ? <p className="text-muted">{t("queue.nothingDecided")}</p> : null}
        <ul className="space-y-3" data-testid="decided-reports">
          {decided.map((d) => (
            <li key={d.reportId}>
              <Card className="space-y-2" data-testid="decided-report">
                <TargetSummary target={d.target} />
                <p className="text-sm">
                  {t.rich("queue.decidedLine", {
                    outcome: outcome(d.outcome),
                    who: d.decidedBy ?? t("formerMember"),
                    when: when(d.decidedAt),
                    reason: reason(d.reason).toLowerCase(),
                    b: (chunks) => <span className="font-medium">{chunks}</span>,
                  })}
                </p>
                {d.decisionNote ? <p className="text-sm text-muted">{t("queue.note", { note: d.decisionNote })}</p> : null}
                {d.restoredAt ? <p className="text-sm text-muted">{t("queue.restored", { who: d.restoredBy ?? t("formerMember"), when: when(d.restoredAt) })}</p> : null}
                {d.canRestore && Array.isArray(choicesFor(d.target, moderator, t, locale)) ? (
                  <RestoreForm action={restoreReportedAction} reportId={d.reportId} label={t(`restore.${d.target.type}`, { title: shorten(d.target.title) })} />
                ) : null}
              </Card>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
