import Link from "next/link";
import { listMilestones } from "@/db/queries/milestones";
import { listPartnerships } from "@/db/queries/partners";
import { getPlan, getSuggestions, getWeekProgress } from "@/db/queries/plan";
import { getReflectionOffer, listReflectionsWaiting } from "@/db/queries/reflections";
import { periodWords } from "@/lib/connection/rhythm";
import { ReflectionForm } from "./reflection-form";
import { SuggestionList } from "./suggestion-list";
import { Alert } from "./ui/alert";
import { Card } from "./ui/card";

/**
 * The signed-in member's own corner of the home page: plan progress, a check-in due, a
 * reflection waiting, a few suggestions and a newly reached milestone. All of it is read by
 * the member's own id; none of it is shown to anyone else.
 */
const FEELING_WORDS = { drained: "drained", ok: "OK", lifted: "lifted" } as const;

export async function HomeConnection({ userId, zone, reflectedId }: { userId: string; zone: string; reflectedId?: string }) {
  const now = new Date();
  const [plan, progress, partnerships, waiting, fresh] = await Promise.all([
    getPlan(userId),
    getWeekProgress(userId, zone, now),
    listPartnerships(userId, now),
    listReflectionsWaiting(userId, now),
    listMilestones(userId, new Date(now.getTime() - 7 * 86_400_000)),
  ]);
  const suggestions = await getSuggestions(userId, zone, { now, plan, progress, limit: 3 });
  // Just answered from here: read back the member's own reflection to confirm it.
  const reflected = reflectedId ? await getReflectionOffer(reflectedId, userId, now) : undefined;
  const due = partnerships.filter((p) => p.due && p.partner);
  const invites = partnerships.filter((p) => p.status === "invited" && !p.iInvited);
  const reflection = waiting[0];
  const milestone = fresh[0];
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
