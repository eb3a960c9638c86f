import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { ActionForm } from "@/components/action-form";
import { SuggestionList } from "@/components/suggestion-list";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Checkbox, Field, Input } from "@/components/ui/field";
import { getPlan, getSuggestions, getWeekProgress, listPlanGroups } from "@/db/queries/plan";
import { dayName } from "@/lib/connection/weeks";
import { formatDay } from "@/lib/dates";
import type { UiLocale } from "@/lib/i18n/locales";
import { kinds } from "@/lib/labels";
import { DAY_PARTS, partsFromFreeTimes } from "@/lib/validation/connection";
import { savePlanAction } from "../actions";
import { loadMe } from "../loader";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("me.plan"))("title") };
}

const FIELDS = ["weeklyTotalGoal", "weeklyLowEnergyGoal", "weeklySharedPurposeGoal", "interestGroupIds", "interests", "freeTimes", "usualEnergy"] as const;

export default async function PlanPage() {
  const { viewer, zone, now } = await loadMe("/me/plan");
  const [plan, progress, groups] = await Promise.all([getPlan(viewer.id), getWeekProgress(viewer.id, zone, now), listPlanGroups(viewer.id)]);
  const locale = (await getLocale()) as UiLocale;
  const suggestions = await getSuggestions(viewer.id, zone, { now, plan: plan ?? null, progress, limit: 5, locale });
  const [t, labels, words] = await Promise.all([getTranslations("me.plan"), getTranslations("labels"), getTranslations("connection")]);
  const LABELS = Object.fromEntries(FIELDS.map((f) => [f, t(`fields.${f}`)])) as Record<(typeof FIELDS)[number], string>;
  const ticked = partsFromFreeTimes(plan?.freeTimes ?? []);
  const goal = plan?.weeklyTotalGoal ?? 2;
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
      </header>

      <section aria-labelledby="this-week-heading" className="space-y-2">
        <h2 id="this-week-heading" className="text-xl font-semibold">{t("thisWeek")}</h2>
        <Card data-testid="plan-progress">
          {plan ? (
            <>
              <p className="text-lg">
                {t.rich("progress", { done: progress.total, goal, strong: (chunks) => <strong>{chunks}</strong> })}
              </p>
              <ul className="mt-1 text-sm text-muted">
                {plan.weeklyLowEnergyGoal > 0 ? <li>{t("lowEnergyProgress", { done: Math.min(progress.lowEnergy, plan.weeklyLowEnergyGoal), goal: plan.weeklyLowEnergyGoal })}</li> : null}
                {plan.weeklySharedPurposeGoal > 0 ? <li>{t("sharedPurposeProgress", { done: Math.min(progress.sharedPurpose, plan.weeklySharedPurposeGoal), goal: plan.weeklySharedPurposeGoal })}</li> : null}
              </ul>
              <p className="mt-1 text-sm">{progress.total >= goal ? t("met") : t("anyOne")}</p>
            </>
          ) : (
            <p>{t("noPlan")}</p>
          )}
          {progress.activities.length ? (
            <ul className="mt-2 text-sm">
              {progress.activities.map((a) => (
                <li key={a.id}>
                  {t.rich("progressItem", { title: a.title, day: formatDay(a.startsAt, zone, locale), link: (chunks) => <Link className="underline" href={`/activities/${a.id}`}>{chunks}</Link> })}
                </li>
              ))}
            </ul>
          ) : null}
        </Card>
      </section>

      <section aria-labelledby="suggestions-heading" className="space-y-2">
        <h2 id="suggestions-heading" className="text-xl font-semibold">{t("suggestions")}</h2>
        {suggestions.length ? (
          <SuggestionList suggestions={suggestions} zone={zone} />
        ) : (
          <p className="text-muted" data-testid="no-suggestions">
            {t.rich("noSuggestions", { link: (chunks) => <Link className="underline" href="/activities">{chunks}</Link> })}
          </p>
        )}
      </section>

      <section aria-labelledby="plan-form-heading" className="space-y-3">
        <h2 id="plan-form-heading" className="text-xl font-semibold">{plan ? t("change") : t("make")}</h2>
        <ActionForm action={savePlanAction} className="space-y-5" testId="plan-form" fieldLabels={LABELS}>
          <div className="grid gap-3 sm:grid-cols-3">
            <Field id="weeklyTotalGoal" label={LABELS.weeklyTotalGoal}>
              <Input id="weeklyTotalGoal" name="weeklyTotalGoal" type="number" min={1} max={14} required defaultValue={goal} />
            </Field>
            <Field id="weeklyLowEnergyGoal" label={LABELS.weeklyLowEnergyGoal}>
              <Input id="weeklyLowEnergyGoal" name="weeklyLowEnergyGoal" type="number" min={0} max={14} defaultValue={plan?.weeklyLowEnergyGoal ?? 1} />
            </Field>
            <Field id="weeklySharedPurposeGoal" label={LABELS.weeklySharedPurposeGoal}>
              <Input id="weeklySharedPurposeGoal" name="weeklySharedPurposeGoal" type="number" min={0} max={14} defaultValue={plan?.weeklySharedPurposeGoal ?? 0} />
            </Field>
          </div>

          <fieldset className="space-y-2">
            <legend className="font-medium">{t("free")}</legend>
            <div className="overflow-x-auto">
              <table className="text-sm">
                <thead>
                  <tr>
                    <td />
                    {Object.keys(DAY_PARTS).map((part) => (
                      <th key={part} scope="col" className="px-2 text-left font-medium capitalize">{words(`part.${part}`)}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {[1, 2, 3, 4, 5, 6, 7].map((day) => (
                    <tr key={day}>
                      <th scope="row" className="pr-3 text-left font-normal">{dayName(day, locale)}</th>
                      {Object.keys(DAY_PARTS).map((part) => (
                        <td key={part} className="px-2">
                          <Checkbox name="free" value={`${day}-${part}`} defaultChecked={ticked.has(`${day}-${part}`)} label={<span className="sr-only">{t("freeCell", { day: dayName(day, locale), part: words(`part.${part}`) })}</span>} data-testid={`free-${day}-${part}`} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </fieldset>

          <fieldset className="space-y-1">
            <legend className="font-medium">{t("energy")}</legend>
            <div className="flex flex-wrap gap-4">
              {(["low", "medium", "high"] as const).map((e) => (
                <label key={e} className="flex min-h-11 items-center gap-2 text-sm">
                  <input type="radio" name="usualEnergy" value={e} defaultChecked={plan?.usualEnergy === e} className="h-5 w-5" data-testid={`usual-energy-${e}`} />
                  {labels(`energy.${e}`)}
                </label>
              ))}
              <label className="flex min-h-11 items-center gap-2 text-sm">
                <input type="radio" name="usualEnergy" value="" defaultChecked={!plan?.usualEnergy} className="h-5 w-5" />
                {t("varies")}
              </label>
            </div>
          </fieldset>

          <fieldset className="space-y-1">
            <legend className="font-medium">{t("kinds")}</legend>
            <div className="flex flex-wrap gap-4">
              {kinds.map((k) => (
                <Checkbox key={k} name="interestKinds" value={k} defaultChecked={plan?.interestKinds.includes(k)} label={labels(`kind.${k}`)} data-testid={`interest-kind-${k}`} />
              ))}
            </div>
          </fieldset>

          {groups.length ? (
            <fieldset className="space-y-1">
              <legend className="font-medium">{t("groups")}</legend>
              <div className="grid gap-x-4 sm:grid-cols-2">
                {groups.map((g) => (
                  <Checkbox key={g.id} name="interestGroupIds" value={g.id} defaultChecked={plan?.interestGroupIds.includes(g.id)} label={g.name} />
                ))}
              </div>
            </fieldset>
          ) : null}

          <Field id="interests" label={t("words")} hint={t("wordsHint")}>
            <Input id="interests" name="interests" defaultValue={plan?.interests.join(", ") ?? ""} aria-describedby="interests-hint" />
          </Field>

          <Button type="submit" data-testid="plan-save">{t("save")}</Button>
        </ActionForm>
      </section>
    </div>
  );
}
