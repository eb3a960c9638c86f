import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { SuggestionList } from "@/components/suggestion-list";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Checkbox, Field, Input } from "@/components/ui/field";
import { getPlan, getSuggestions, getWeekProgress, listPlanGroups } from "@/db/queries/plan";
import { dayName } from "@/lib/connection/weeks";
import { formatDay } from "@/lib/dates";
import { energyLabel, kindLabel, kinds } from "@/lib/labels";
import { DAY_PARTS, partsFromFreeTimes } from "@/lib/validation/connection";
import { savePlanAction } from "../actions";
import { loadMe } from "../loader";

export const metadata: Metadata = { title: "Connection plan" };

const LABELS = {
  weeklyTotalGoal: "Activities a week",
  weeklyLowEnergyGoal: "Of which low energy",
  weeklySharedPurposeGoal: "Of which shared purpose",
  interestGroupIds: "Groups",
  interests: "Words",
  freeTimes: "Free times",
  usualEnergy: "Usual energy",
};

export default async function PlanPage() {
  const { viewer, zone, now } = await loadMe("/me/plan");
  const [plan, progress, groups] = await Promise.all([getPlan(viewer.id), getWeekProgress(viewer.id, zone, now), listPlanGroups(viewer.id)]);
  const suggestions = await getSuggestions(viewer.id, zone, { now, plan: plan ?? null, progress, limit: 5 });
  const ticked = partsFromFreeTimes(plan?.freeTimes ?? []);
  const goal = plan?.weeklyTotalGoal ?? 2;
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-3xl font-bold">Connection plan</h1>
        <p className="text-muted">A modest weekly goal, the times you&apos;re usually free and what you like. Private to you.</p>
      </header>

      <section aria-labelledby="this-week-heading" className="space-y-2">
        <h2 id="this-week-heading" className="text-xl font-semibold">This week</h2>
        <Card data-testid="plan-progress">
          {plan ? (
            <>
              <p className="text-lg">
                <strong>{progress.total}</strong> of {goal} {goal === 1 ? "activity" : "activities"} this week
              </p>
              <ul className="mt-1 text-sm text-muted">
                {plan.weeklyLowEnergyGoal > 0 ? <li>Low energy: {Math.min(progress.lowEnergy, plan.weeklyLowEnergyGoal)} of {plan.weeklyLowEnergyGoal}</li> : null}
                {plan.weeklySharedPurposeGoal > 0 ? <li>Shared purpose: {Math.min(progress.sharedPurpose, plan.weeklySharedPurposeGoal)} of {plan.weeklySharedPurposeGoal}</li> : null}
              </ul>
              <p className="mt-1 text-sm">{progress.total >= goal ? "That's your week's plan met. Anything more is a bonus." : "Any one thing counts. There's no catching up to do."}</p>
            </>
          ) : (
            <p>You haven&apos;t made a plan yet. Two activities a week is a kind place to start.</p>
          )}
          {progress.activities.length ? (
            <ul className="mt-2 text-sm">
              {progress.activities.map((a) => (
                <li key={a.id}>
                  <Link className="underline" href={`/activities/${a.id}`}>{a.title}</Link> · {formatDay(a.startsAt, zone)}
                </li>
              ))}
            </ul>
          ) : null}
        </Card>
      </section>

      <section aria-labelledby="suggestions-heading" className="space-y-2">
        <h2 id="suggestions-heading" className="text-xl font-semibold">Suggestions that fit</h2>
        {suggestions.length ? (
          <SuggestionList suggestions={suggestions} zone={zone} />
        ) : (
          <p className="text-muted" data-testid="no-suggestions">
            Nothing in the next two weeks fits your plan just now. <Link className="underline" href="/activities">Browse everything</Link>, or widen your free times.
          </p>
        )}
      </section>

      <section aria-labelledby="plan-form-heading" className="space-y-3">
        <h2 id="plan-form-heading" className="text-xl font-semibold">{plan ? "Change your plan" : "Make your plan"}</h2>
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
            <legend className="font-medium">When you&apos;re usually free</legend>
            <div className="overflow-x-auto">
              <table className="text-sm">
                <thead>
                  <tr>
                    <td />
                    {Object.keys(DAY_PARTS).map((part) => (
                      <th key={part} scope="col" className="px-2 text-left font-medium capitalize">{part}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {[1, 2, 3, 4, 5, 6, 7].map((day) => (
                    <tr key={day}>
                      <th scope="row" className="pr-3 text-left font-normal">{dayName(day)}</th>
                      {Object.keys(DAY_PARTS).map((part) => (
                        <td key={part} className="px-2">
                          <Checkbox name="free" value={`${day}-${part}`} defaultChecked={ticked.has(`${day}-${part}`)} label={<span className="sr-only">{`${dayName(day)} ${part}`}</span>} data-testid={`free-${day}-${part}`} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </fieldset>

          <fieldset className="space-y-1">
            <legend className="font-medium">The energy you usually have</legend>
            <div className="flex flex-wrap gap-4">
              {(["low", "medium", "high"] as const).map((e) => (
                <label key={e} className="flex min-h-11 items-center gap-2 text-sm">
                  <input type="radio" name="usualEnergy" value={e} defaultChecked={plan?.usualEnergy === e} className="h-5 w-5" data-testid={`usual-energy-${e}`} />
                  {energyLabel[e]}
                </label>
              ))}
              <label className="flex min-h-11 items-center gap-2 text-sm">
                <input type="radio" name="usualEnergy" value="" defaultChecked={!plan?.usualEnergy} className="h-5 w-5" />
                It varies
              </label>
            </div>
          </fieldset>

          <fieldset className="space-y-1">
            <legend className="font-medium">Kinds you enjoy</legend>
            <div className="flex flex-wrap gap-4">
              {kinds.map((k) => (
                <Checkbox key={k} name="interestKinds" value={k} defaultChecked={plan?.interestKinds.includes(k)} label={kindLabel[k]} data-testid={`interest-kind-${k}`} />
              ))}
            </div>
          </fieldset>

          {groups.length ? (
            <fieldset className="space-y-1">
              <legend className="font-medium">Groups you&apos;d like to see more of</legend>
              <div className="grid gap-x-4 sm:grid-cols-2">
                {groups.map((g) => (
                  <Checkbox key={g.id} name="interestGroupIds" value={g.id} defaultChecked={plan?.interestGroupIds.includes(g.id)} label={g.name} />
                ))}
              </div>
            </fieldset>
          ) : null}

          <Field id="interests" label="Words you're interested in" hint="Separated by commas, e.g. drawing, herons, bread.">
            <Input id="interests" name="interests" defaultValue={plan?.interests.join(", ") ?? ""} aria-describedby="interests-hint" />
          </Field>

          <Button type="submit" data-testid="plan-save">Save my plan</Button>
        </ActionForm>
      </section>
    </div>
  );
}
