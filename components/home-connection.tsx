import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";
import type { MilestoneItem } from "@/db/queries/milestones";
import type { PartnershipItem } from "@/db/queries/partners";
import type { WeekProgress } from "@/db/queries/plan";
import type { ReflectionOffer } from "@/db/queries/reflections";
import type { ConnectionPlan } from "@/db/schema";
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
type Translate = Awaited<ReturnType<typeof getTranslations>>;

/** A milestone in the page's language, from its key (lib/connection/milestones.ts words it in English). */
function milestoneText(t: Translate, m: MilestoneItem): { title: string; body: string } {
  const [kind, rest] = m.key.includes(":") ? [m.key.slice(0, m.key.indexOf(":")), m.key.slice(m.key.indexOf(":") + 1)] : [m.key, ""];
  if (kind === "first_kind") return { title: t("milestone.first_kind.title", { kind: rest }), body: t("milestone.first_kind.body") };
  if (kind === "third_visit") return { title: m.groupName ? t("milestone.third_visit.title", { group: m.groupName }) : t("milestone.third_visit_unknown"), body: t("milestone.third_visit.body") };
  if (kind.startsWith("hours_")) {
    const hours = kind.slice("hours_".length);
    return { title: t("milestone.hours.title", { hours }), body: t("milestone.hours.body", { hours }) };
  }
  const known = ["first_activity", "weeks_4", "weeks_10", "first_task", "first_partner", "first_reflection"].includes(kind) ? kind : "other";
  return { title: t(`milestone.${known}.title`), body: t(`milestone.${known}.body`) };
}

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

export async function HomeConnection({ zone, plan, progress, partnerships, reflectionsWaiting, milestones, suggestions, reflected }: HomeConnectionProps) {
  const due = partnerships.filter((p) => p.due && p.partner);
  const invites = partnerships.filter((p) => p.status === "invited" && !p.iInvited);
  const reflection = reflectionsWaiting[0];
  const milestone = milestones[0];
  const t = await getTranslations("home");
  const shown = milestone ? milestoneText(t, milestone) : undefined;
  return (
    <>
      {milestone ? (
        <Card className="border-brand" data-testid="home-milestone">
          <h2 className="font-semibold">{shown!.title}</h2>
          <p className="text-sm">{shown!.body}</p>
          <p className="text-sm"><Link className="underline" href="/me/participation">{t("connection.yourParticipation")}</Link></p>
        </Card>
      ) : null}
      <div className="grid gap-3 md:grid-cols-2">
        <Card data-testid="home-plan">
          <h2 className="font-semibold">{t("connection.planTitle")}</h2>
          {plan ? (
            <p>{t(progress.total >= plan.weeklyTotalGoal ? "connection.planMet" : "connection.planOpen", { done: progress.total, goal: plan.weeklyTotalGoal })}</p>
          ) : (
            <p>{t("connection.noPlan")}</p>
          )}
          <p className="text-sm"><Link className="underline" href="/me/plan">{plan ? t("connection.seePlan") : t("connection.makePlan")}</Link></p>
        </Card>
        {due.length || invites.length ? (
          <Card data-testid="home-check-in">
            <h2 className="font-semibold">{t("connection.checkIns")}</h2>
            <ul className="text-sm">
              {due.map((p) => (
                <li key={p.id} data-testid="home-check-in-due">
                  {t.rich("connection.checkInDue", {
                    name: p.partner!.name,
                    rhythm: p.rhythm,
                    link: (chunks) => (
                      <Link className="underline" href={`/me/partners/${p.id}`}>
                        {chunks}
                      </Link>
                    ),
                  })}
                </li>
              ))}
              {invites.map((p) => (
                <li key={p.id}>
                  {t.rich("connection.invited", {
                    name: p.partner?.name ?? "",
                    link: (chunks) => (
                      <Link className="underline" href="/me/partners">
                        {chunks}
                      </Link>
                    ),
                  })}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>
      {reflected?.mine ? (
        <Alert tone="success" testId="reflection-form-outcome">
          {t("connection.reflected", { title: reflected.title, feeling: reflected.mine.feeling })}
        </Alert>
      ) : null}
      {reflection ? (
        <Card className="space-y-2" data-testid="home-reflection">
          <h2 className="font-semibold">{t("connection.reflect")}</h2>
          <ReflectionForm activityId={reflection.activityId} title={reflection.title} idPrefix="home-reflection" fromHome />
        </Card>
      ) : null}
      {suggestions.length ? (
        <section aria-labelledby="home-suggestions" className="space-y-2">
          <h2 id="home-suggestions" className="text-xl font-semibold">{t("connection.suggestions")}</h2>
          <SuggestionList suggestions={suggestions} zone={zone} testId="home-suggestions" />
        </section>
      ) : null}
    </>
  );
}
