import Link from "next/link";
import { Card } from "@/components/ui/card";
import { getWhoIsGoing } from "@/db/queries/rsvps";
import { getViewer } from "@/server/auth/session";

const statusWord = { going: "going", maybe: "trying to come", waitlisted: "waiting", not_going: "not coming" } as const;

/**
 * Rendered on the activity page for every viewer; decides for itself what to show.
 * Organizers of the group see every name; other signed-in members see the names of
 * going members who chose to be listed; visitors see counts only.
 */
export async function WhoIsGoing({ activityId, isOrganizer, counts }: { activityId: string; isOrganizer: boolean; counts: { goingCount: number; maybeCount: number; waitlistCount: number } }) {
  const viewer = await getViewer();
  const who = await getWhoIsGoing(activityId, viewer ? { id: viewer.id, isOrganizer } : null, counts);
  const others = who.unlistedGoing;
  return (
    <Card className="space-y-2" data-testid="who-is-going">
      <h2 className="text-lg font-semibold">Who&apos;s going</h2>
      <p className="text-sm" data-testid="who-counts">
        {who.goingCount} going{who.maybeCount ? ` · ${who.maybeCount} trying to come` : ""}
        {who.waitlistCount ? ` · ${who.waitlistCount} on the waitlist` : ""}
      </p>
      {viewer && who.names.length ? (
        <ul className="space-y-1 text-sm" data-testid="who-names">
          {who.names.map((p) => (
            <li key={p.userId}>
              <Link className="hover:underline" href={`/members/${p.userId}`}>{p.name}</Link>
              {isOrganizer && p.status !== "going" ? <span className="text-muted"> ({statusWord[p.status]})</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {viewer && !isOrganizer && others > 0 ? (
        <p className="text-sm text-muted" data-testid="who-others">
          {who.names.length ? `and ${others} ${others === 1 ? "other" : "others"}` : `${others} ${others === 1 ? "person" : "people"}`} who {others === 1 ? "prefers" : "prefer"} not to be listed.
        </p>
      ) : null}
      {!viewer ? <p className="text-sm text-muted">Names are shown only to signed-in members, and only for people who chose to be listed.</p> : null}
      {viewer && !isOrganizer ? (
        <p className="text-sm text-muted" data-testid="name-shown-hint">
          {viewer.listedAsGoing ? (
            <>
              Your name is shown here when you&apos;re going. You can change that on <Link className="underline" href="/account">your account page</Link>.
            </>
          ) : (
            <>
              Want your name shown? Choose it on <Link className="underline" href="/account">your account page</Link>.
            </>
          )}
        </p>
      ) : null}
    </Card>
  );
}
