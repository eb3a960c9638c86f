import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";
import { Card } from "@/components/ui/card";
import { getWhoIsGoing } from "@/db/queries/rsvps";
import { getViewer } from "@/server/auth/session";

/**
 * Rendered on the activity page for every viewer; decides for itself what to show.
 * Organizers of the group see every name; other signed-in members see the names of
 * going members who chose to be listed; visitors see counts only.
 */
export async function WhoIsGoing({ activityId, isOrganizer, counts }: { activityId: string; isOrganizer: boolean; counts: { goingCount: number; maybeCount: number; waitlistCount: number } }) {
  const viewer = await getViewer();
  const who = await getWhoIsGoing(activityId, viewer ? { id: viewer.id, isOrganizer } : null, counts);
  const others = who.unlistedGoing;
  const t = await getTranslations("activity.who");
  return (
    <Card className="space-y-2" data-testid="who-is-going">
      <h2 className="text-lg font-semibold">{t("heading")}</h2>
      <p className="text-sm" data-testid="who-counts">
        {who.maybeCount ? t("goingMaybe", { going: who.goingCount, maybe: who.maybeCount }) : t("going", { going: who.goingCount })}
        {who.waitlistCount ? t("waitlist", { waiting: who.waitlistCount }) : ""}
      </p>
      {viewer && who.names.length ? (
        <ul className="space-y-1 text-sm" data-testid="who-names">
          {who.names.map((p) => (
            <li key={p.userId}>
              <Link className="hover:underline" href={`/members/${p.userId}`}>{p.name}</Link>
              {isOrganizer && p.status !== "going" ? <span className="text-muted">{t("status", { status: p.status })}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {viewer && !isOrganizer && others > 0 ? (
        <p className="text-sm text-muted" data-testid="who-others">
          {t(who.names.length ? "othersAnd" : "othersOnly", { count: others })}
        </p>
      ) : null}
      {!viewer ? <p className="text-sm text-muted">{t("visitors")}</p> : null}
      {viewer && !isOrganizer ? (
        <p className="text-sm text-muted" data-testid="name-shown-hint">
          {t.rich(viewer.listedAsGoing ? "shown" : "wantShown", {
            link: (chunks) => (
              <Link className="underline" href="/account">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : null}
    </Card>
  );
}
