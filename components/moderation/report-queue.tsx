import Link from "next/link";
import { decideReportAction, restoreReportedAction } from "./actions";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { describeTarget, type DecidedItem, type QueueItem, type ReportTarget } from "@/db/queries/reports";
import { formatDay, formatTime } from "@/lib/dates";
import { OUTCOME_WORDS, REPORT_REASONS, type Outcome, type ReportReason } from "@/lib/validation/report";
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

const reasonLabel = (r: string) => (Object.hasOwn(REPORT_REASONS, r) ? REPORT_REASONS[r as ReportReason] : "Something else");

/** The outcomes this moderator may choose for this thing, in the words of the queue; or why none. */
function choicesFor(t: ReportTarget, m: Moderator): { outcome: Outcome; label: string }[] | string {
  if (t.subjectId === m.id) return "This is about something of yours, so another moderator decides it.";
  if (t.type === "group" && !m.isAdmin) return "Reports about the group itself are decided by the hub's admins.";
  const who = t.subjectName ?? "the member";
  const choices: { outcome: Outcome; label: string }[] = [{ outcome: "dismiss", label: "Leave it as it is (dismiss the report)" }];
  if (t.type !== "member") choices.push({ outcome: "hide", label: t.hidden ? "Keep it hidden" : `Hide this ${t.type} from everyone` });
  if (t.groupId && t.subjectId && t.type !== "group") {
    choices.push({ outcome: "remove", label: `Remove ${who} from ${t.groupName}` });
    choices.push({ outcome: "ban", label: `Ban ${who} from ${t.groupName}` });
  }
  if (m.isAdmin && t.subjectId) choices.push({ outcome: "suspend", label: `Suspend ${possessive(who)} account (signs them out at once)` });
  return choices;
}

function when(d: Date, zone: string): string {
  return `${formatDay(d, zone)}, ${formatTime(d, zone)}`;
}

function TargetSummary({ t }: { t: ReportTarget }) {
  return (
    <div className="space-y-1">
      <p className="font-medium">
        The <Link className="underline" href={t.href}>{describeTarget(t)}</Link>
        {t.groupName && t.type !== "group" ? <span className="text-sm text-muted"> · in {t.groupName}</span> : null}
        {t.hidden ? <span className="ml-2" data-testid="hidden-mark"><Badge tone="danger">Hidden</Badge></span> : null}
      </p>
      {t.subjectName && t.type !== "member" ? <p className="text-sm text-muted">By {t.subjectName}</p> : null}
      {t.excerpt ? <blockquote className="whitespace-pre-line border-l-4 border-line pl-3 text-sm" data-testid="reported-words">{t.excerpt}</blockquote> : null}
    </div>
  );
}

export function ReportQueue({ open, decided, moderator, zone }: { open: QueueItem[]; decided: DecidedItem[]; moderator: Moderator; zone: string }) {
  return (
    <div className="space-y-6">
      <section aria-labelledby="open-heading" className="space-y-3">
        <h2 id="open-heading" className="text-xl font-semibold">Waiting for a decision</h2>
        {open.length === 0 ? <p className="text-muted" data-testid="queue-empty">No reports are waiting. Thank you for looking.</p> : null}
        <ul className="space-y-3" data-testid="open-reports">
          {open.map((item) => {
            const choices = choicesFor(item.target, moderator);
            return (
              <li key={item.reportId}>
                <Card className="space-y-3" data-testid="open-report">
                  <TargetSummary t={item.target} />
                  <ul className="space-y-1 text-sm">
                    {item.reports.map((r) => (
                      <li key={r.id}>
                        <span className="font-medium">{reasonLabel(r.reason)}</span> <span className="text-muted">· {when(r.createdAt, zone)}</span>
                        {r.note ? <span className="block whitespace-pre-line">“{r.note}”</span> : null}
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
        <h2 id="decided-heading" className="text-xl font-semibold">Decided lately</h2>
        {decided.length === 0 ? <p className="text-muted">Nothing decided yet.</p> : null}
        <ul className="space-y-3" data-testid="decided-reports">
          {decided.map((d) => (
            <li key={d.reportId}>
              <Card className="space-y-2" data-testid="decided-report">
                <TargetSummary t={d.target} />
                <p className="text-sm">
                  <span className="font-medium">{OUTCOME_WORDS[d.outcome as Outcome] ?? d.outcome}</span> by {d.decidedBy ?? "a former member"}, {when(d.decidedAt, zone)} · reported as {reasonLabel(d.reason).toLowerCase()}
                </p>
                {d.decisionNote ? <p className="text-sm text-muted">Note: {d.decisionNote}</p> : null}
                {d.restoredAt ? <p className="text-sm text-muted">Shown again by {d.restoredBy ?? "a former member"}, {when(d.restoredAt, zone)}</p> : null}
                {d.canRestore && Array.isArray(choicesFor(d.target, moderator)) ? (
                  <RestoreForm action={restoreReportedAction} reportId={d.reportId} label={`Show again: the ${describeTarget(d.target)}`} />
                ) : null}
              </Card>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
