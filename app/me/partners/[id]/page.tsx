import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { z } from "zod";
import { ActionForm } from "@/components/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Textarea } from "@/components/ui/field";
import { listCheckIns, listPartnerships } from "@/db/queries/partners";
import { rhythmWords } from "@/lib/connection/rhythm";
import type { UiLocale } from "@/lib/i18n/locales";
import { formatDay, formatTime } from "@/lib/dates";
import { loadMe } from "../../loader";
import { addCheckInAction, changeRhythmAction } from "../actions";
import { ChangeButton } from "../_components/change-button";
import { RhythmFields } from "../_components/rhythm-fields";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("me.partnership"))("title") };
}

const MOODS = [1, 2, 3, 4, 5] as const;

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
  const locale = (await getLocale()) as UiLocale;
  const [t, labels] = await Promise.all([getTranslations("me.partnership"), getTranslations("labels")]);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p><Link className="text-sm underline" href="/me/partners">{t("all")}</Link></p>
        <h1 className="text-3xl font-bold">{t("heading", { name })}</h1>
        <p className="text-muted">
          {t("about", { rhythm: rhythmWords(p.rhythm, p.weeklyDay, locale), status: p.status })}
        </p>
      </header>

      {welcome ? (
        <Alert tone="success" testId="partner-welcome">
          {t("welcome", { name })}
        </Alert>
      ) : null}

      {p.status === "active" ? (
        <section aria-labelledby="check-in-heading" className="space-y-2">
          <h2 id="check-in-heading" className="text-xl font-semibold">{t("checkIn")}</h2>
          {p.due ? <p className="font-medium" data-testid="check-in-due">{t("due", { rhythm: p.rhythm })}</p> : null}
          <Card>
            <ActionForm action={addCheckInAction} className="space-y-3" testId="check-in-form" fieldLabels={{ note: t("fields.note"), mood: t("fields.mood"), energy: t("fields.energy") }}>
              <input type="hidden" name="partnershipId" value={p.id} />
              <Field id="check-in-note" label={t("note")}>
                <Textarea id="check-in-note" name="note" required maxLength={1000} data-testid="check-in-note" />
              </Field>
              <fieldset>
                <legend className="text-sm font-medium">{t("fields.mood")}</legend>
                <div className="flex flex-wrap gap-3">
                  {MOODS.map((mood) => (
                    <label key={mood} className="flex min-h-11 items-center gap-2 text-sm">
                      <input type="radio" name="mood" value={mood} required defaultChecked={mood === 3} className="h-5 w-5" data-testid={`mood-${mood}`} />
                      {t(`mood.${mood}`)}
                    </label>
                  ))}
                </div>
              </fieldset>
              <fieldset>
                <legend className="text-sm font-medium">{t("fields.energy")}</legend>
                <div className="flex flex-wrap gap-3">
                  {(["low", "medium", "high"] as const).map((e) => (
                    <label key={e} className="flex min-h-11 items-center gap-2 text-sm">
                      <input type="radio" name="energy" value={e} required defaultChecked={e === "medium"} className="h-5 w-5" data-testid={`energy-${e}`} />
                      {labels(`energy.${e}`)}
                    </label>
                  ))}
                </div>
              </fieldset>
              <Button type="submit" data-testid="check-in-submit">{t("checkIn")}</Button>
            </ActionForm>
          </Card>
        </section>
      ) : null}

      <section aria-labelledby="history-heading" className="space-y-2">
        <h2 id="history-heading" className="text-xl font-semibold">{t("history")}</h2>
        {history.length === 0 ? (
          <p className="text-muted">{t("noCheckIns")}</p>
        ) : (
          <ul className="space-y-2" data-testid="check-ins">
            {history.map((c) => (
              <li key={c.id} className="rounded-lg border border-line bg-surface p-3" data-testid="check-in">
                <p className="text-sm text-muted">
                  {t("entry", {
                    who: c.authorId === viewer.id ? t("you") : c.authorName,
                    day: formatDay(c.createdAt, zone, locale),
                    time: formatTime(c.createdAt, zone, locale),
                    mood: c.mood,
                    energy: labels(`energy.${c.energy}`).toLowerCase(),
                  })}
                </p>
                <p className="whitespace-pre-line">{c.note}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {p.status === "active" || p.status === "paused" ? (
        <section aria-labelledby="settings-heading" className="space-y-3">
          <h2 id="settings-heading" className="text-xl font-semibold">{t("settings")}</h2>
          <Card>
            <ActionForm action={changeRhythmAction} className="space-y-3" testId="rhythm-form">
              <input type="hidden" name="partnershipId" value={p.id} />
              <RhythmFields prefix="change" rhythm={p.rhythm} weeklyDay={p.weeklyDay} />
              <Button type="submit" variant="secondary">{t("changeRhythm")}</Button>
            </ActionForm>
          </Card>
          <div className="flex flex-wrap gap-2">
            {p.status === "active" ? <ChangeButton id={p.id} change="pause" label={t("pause")} formId="partner-pause-or-resume" /> : <ChangeButton id={p.id} change="resume" label={t("resume")} formId="partner-pause-or-resume" />}
            <ChangeButton id={p.id} change="end" label={t("end")} variant="ghost" />
          </div>
          <p className="text-sm text-muted">{t("noReason", { name })}</p>
        </section>
      ) : null}
    </div>
  );
}
