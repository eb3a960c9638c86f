import Link from "next/link";
import type { MilestoneItem } from "@/db/queries/milestones";
import type { PartnershipItem } from "@/db/queries/partners";
import type { WeekProgress } from "@/db/queries/plan";
import type { ReflectionOffer } from "@/db/queries/reflections";
import type { ConnectionPlan } from "@/db/schema";
import { periodWords } from "@/lib/connection/rhythm";
import type { Suggestion } from "@/lib/connection/suggestions";
import { ReflectionForm } from "./reflection-form";
import { SuggestionList } from "./suggestion-list";
import { Alert } from "./ui/alert";
import { Card } from "./ui/card";

/**
 * The signed-in member's own corner of the home page: plan progress, a check-in due, a
 * reflection waiting, a few suggestions and a newly reached milestone. All of it is read by
 * the member's own id (the home page's loader); none of it is shown to anyone else.
 */
const FEELING_WORDS = { drained: "drained", ok: "OK", lifted: "lifted" } as const;

export interface HomeConnectionProps {
  zone: string;
  plan: ConnectionPlan | undefined;
  progress: WeekProgress;
  partnerships: PartnershipItem[];
  reflectionsWaiting: { activityId: string; title: string }[];
  /** Milestones reached lately, newest first. */
  milestones: MilestoneItem[];
  suggestions: Suggestion[];
  /** A reflection just answered from here, read back to confirm it. */
  reflected?: ReflectionOffer;
}

export function HomeConnection({ zone, plan, progress, partnerships, reflectionsWaiting, milestones, suggestions, reflected }: HomeConnectionProps) {
  const due = partnerships.filter((p) => p.due && p.partner);
  const invites = partnerships.filter((p) => p.status === "invited" && !p.iInvited);
  const reflection = reflectionsWaiting[0];
  const milestone = milestones[0];
  return (
    <>
      {milestone ? (
        <Card className="border-brand" data-testid="home-milestone">
          <h2 className="font-semibold">{milestone.title}</h2>
          <p className="text-sm">{milestone.body}</p>
          <p className="text-sm"><Link className="underline" href="/me/participation">Your participation</Link></p>
        </Card>
      ) : null}
      <div className="grid gap-3 md:grid-cols-2">
        <Card data-testid="home-plan">
          <h2 className="font-semibold">Your plan this week</h2>
          {plan ? (
            <p>
              {progress.total} of {plan.weeklyTotalGoal} {plan.weeklyTotalGoal === 1 ? "activity" : "activities"}
              {progress.total >= plan.weeklyTotalGoal ? " — plan met, nicely done." : ". Any one thing counts."}
            </p>
          ) : (
            <p>A small weekly plan helps suggestions fit your time and energy.</p>
          )}
          <p className="text-sm"><Link className="underline" href="/me/plan">{plan ? "See your plan" : "Make a plan"}</Link></p>
        </Card>
        {due.length || invites.length ? (
          <Card data-testid="home-check-in">
            <h2 className="font-semibold">Check-ins</h2>
            <ul className="text-sm">
              {due.map((p) => (
                <li key={p.id} data-testid="home-check-in-due">
                  A check-in with {p.partner!.name} is due {periodWords(p.rhythm)}. <Link className="underline" href={`/me/partners/${p.id}`}>Check in</Link>
                </li>
              ))}
              {invites.map((p) => (
                <li key={p.id}>
                  {p.partner?.name} would like to be check-in partners. <Link className="underline" href="/me/partners">Answer</Link>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>
      {reflected?.mine ? (
        <Alert tone="success" testId="reflection-form-outcome">
          Noted: {reflected.title} left you {FEELING_WORDS[reflected.mine.feeling]}. Only you can see this.
        </Alert>
      ) : null}
      {reflection ? (
        <Card className="space-y-2" data-testid="home-reflection">
          <h2 className="font-semibold">A moment to reflect</h2>
          <ReflectionForm activityId={reflection.activityId} title={reflection.title} idPrefix="home-reflection" fromHome />
        </Card>
      ) : null}
      {suggestions.length ? (
        <section aria-labelledby="home-suggestions" className="space-y-2">
          <h2 id="home-suggestions" className="text-xl font-semibold">Suggestions that fit</h2>
          <SuggestionList suggestions={suggestions} zone={zone} testId="home-suggestions" />
        </section>
      ) : null}
    </>
  );
}
