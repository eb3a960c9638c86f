import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ActionForm } from "@/components/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Textarea } from "@/components/ui/field";
import { listCheckIns, listPartnerships } from "@/db/queries/partners";
import { periodWords, rhythmWords } from "@/lib/connection/rhythm";
import { formatDay, formatTime } from "@/lib/dates";
import { energyLabel } from "@/lib/labels";
import { loadMe } from "../../loader";
import { addCheckInAction, changeRhythmAction } from "../actions";
import { ChangeButton } from "../_components/change-button";
import { RhythmFields } from "../_components/rhythm-fields";

export const metadata: Metadata = { title: "Check-ins" };

const MOODS = ["1 · low", "2", "3 · so-so", "4", "5 · good"];

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ welcome?: string }> };

export default async function PartnershipPage({ params, searchParams }: Props) {
  const welcome = (await searchParams).welcome === "1";
  const raw = (await params).id;
  const { viewer, zone, now } = await loadMe(`/me/partners/${raw}`);
  const id = z.uuid().safeParse(raw);
  if (!id.success) notFound();
  // Only the pair's own partnerships are listed for the viewer; anyone else finds nothing.
  const p = (await listPartnerships(viewer.id, now)).find((x) => x.id === id.data && x.partner);
  if (!p || p.status === "invited") notFound();
  const history = await listCheckIns(p.id, viewer.id);
  const name = p.partner!.name;
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p><Link className="text-sm underline" href="/me/partners">All check-in partners</Link></p>
        <h1 className="text-3xl font-bold">Checking in with {name}</h1>
        <p className="text-muted">
          {rhythmWords(p.rhythm, p.weeklyDay)}
          {p.status === "paused" ? " · paused for now" : p.status === "ended" ? " · ended" : ""}. Only the two of you see this page.
        </p>
      </header>

      {welcome ? (
        <Alert tone="success" testId="partner-welcome">
          You and {name} are check-in partners now.
        </Alert>
      ) : null}

      {p.status === "active" ? (
        <section aria-labelledby="check-in-heading" className="space-y-2">
          <h2 id="check-in-heading" className="text-xl font-semibold">Check in</h2>
          {p.due ? <p className="font-medium" data-testid="check-in-due">A check-in is due {periodWords(p.rhythm)}. A line or two is plenty.</p> : null}
          <Card>
            <ActionForm action={addCheckInAction} className="space-y-3" testId="check-in-form" fieldLabels={{ note: "Note", mood: "Mood", energy: "Energy" }}>
              <input type="hidden" name="partnershipId" value={p.id} />
              <Field id="check-in-note" label="A short note">
                <Textarea id="check-in-note" name="note" required maxLength={1000} data-testid="check-in-note" />
              </Field>
              <fieldset>
                <legend className="text-sm font-medium">Mood</legend>
                <div className="flex flex-wrap gap-3">
                  {MOODS.map((label, i) => (
                    <label key={label} className="flex min-h-11 items-center gap-2 text-sm">
                      <input type="radio" name="mood" value={i + 1} required defaultChecked={i === 2} className="h-5 w-5" data-testid={`mood-${i + 1}`} />
                      {label}
                    </label>
                  ))}
                </div>
              </fieldset>
              <fieldset>
                <legend className="text-sm font-medium">Energy</legend>
                <div className="flex flex-wrap gap-3">
                  {(["low", "medium", "high"] as const).map((e) => (
                    <label key={e} className="flex min-h-11 items-center gap-2 text-sm">
                      <input type="radio" name="energy" value={e} required defaultChecked={e === "medium"} className="h-5 w-5" data-testid={`energy-${e}`} />
                      {energyLabel[e]}
                    </label>
                  ))}
                </div>
              </fieldset>
              <Button type="submit" data-testid="check-in-submit">Check in</Button>
            </ActionForm>
          </Card>
        </section>
      ) : null}

      <section aria-labelledby="history-heading" className="space-y-2">
        <h2 id="history-heading" className="text-xl font-semibold">Your check-ins together</h2>
        {history.length === 0 ? (
          <p className="text-muted">No check-ins yet.</p>
        ) : (
          <ul className="space-y-2" data-testid="check-ins">
            {history.map((c) => (
              <li key={c.id} className="rounded-lg border border-line bg-surface p-3" data-testid="check-in">
                <p className="text-sm text-muted">
                  {c.authorId === viewer.id ? "You" : c.authorName} · {formatDay(c.createdAt, zone)}, {formatTime(c.createdAt, zone)} · mood {c.mood} of 5 · {energyLabel[c.energy].toLowerCase()}
                </p>
                <p className="whitespace-pre-line">{c.note}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {p.status === "active" || p.status === "paused" ? (
        <section aria-labelledby="settings-heading" className="space-y-3">
          <h2 id="settings-heading" className="text-xl font-semibold">Rhythm, pause or end</h2>
          <Card>
            <ActionForm action={changeRhythmAction} className="space-y-3" testId="rhythm-form">
              <input type="hidden" name="partnershipId" value={p.id} />
              <RhythmFields prefix="change" rhythm={p.rhythm} weeklyDay={p.weeklyDay} />
              <Button type="submit" variant="secondary">Change rhythm</Button>
            </ActionForm>
          </Card>
          <div className="flex flex-wrap gap-2">
            {p.status === "active" ? <ChangeButton id={p.id} change="pause" label="Pause check-ins" formId="partner-pause-or-resume" /> : <ChangeButton id={p.id} change="resume" label="Pick check-ins up again" formId="partner-pause-or-resume" />}
            <ChangeButton id={p.id} change="end" label="End this partnership" variant="ghost" />
          </div>
          <p className="text-sm text-muted">No reason needed. {name} is told kindly, and nobody else is told anything.</p>
        </section>
      ) : null}
    </div>
  );
}
