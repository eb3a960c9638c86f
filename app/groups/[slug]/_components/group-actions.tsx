import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getMembership } from "@/db/queries/memberships";
import { getGroupRow } from "@/db/queries/organizer";
import { getViewer } from "@/server/auth/session";
import { isOrganizerRole } from "@/lib/authz";
import { joinGroupAction, leaveGroupAction } from "../join/actions";
import { JoinGroupForm, LeaveGroupForm } from "./membership-forms";

/** Rendered on the group page for every viewer; decides for itself what to show. */
export async function GroupActions({ groupId }: { groupId: string }) {
  const [viewer, group] = await Promise.all([getViewer(), getGroupRow({ id: groupId })]);
  if (!group) return null;
  if (!viewer) {
    return (
      <Card data-testid="group-actions">
        <Link className="underline" href={`/signin?callbackUrl=${encodeURIComponent(`/groups/${group.slug}`)}`}>Sign in</Link> to join this group.
      </Card>
    );
  }
  const membership = await getMembership(groupId, viewer.id);
  if (membership?.status === "banned") {
    // Said plainly and once: a banned member otherwise sees a group page that ignores them.
    return (
      <Alert tone="info" title="You can't take part in this group" testId="banned-notice">
        The organizers of {group.name} have removed you from it, so you can&apos;t join, RSVP to its activities or post in it.
        You can still read its public page. If you think this is a mistake, you can{" "}
        <a className="underline" href="#ask" data-testid="banned-ask-link">ask its organizers privately</a> (below), or <Link className="underline" href="/help">find support on the help page</Link>.
      </Alert>
    );
  }
  const leave = leaveGroupAction.bind(null, groupId, group.slug);
  return (
    <Card className="space-y-3" data-testid="group-actions">
      {!membership ? (
        <JoinGroupForm action={joinGroupAction.bind(null, groupId, group.slug)} agreements={group.agreements} needsApproval={group.joinPolicy === "approval"} agreementsShownAt="#agreements" />
      ) : membership.status === "pending" ? (
        <>
          <p data-testid="membership-status">Your request to join is waiting for an organizer.</p>
          <LeaveGroupForm action={leave} label="Withdraw my request" />
        </>
      ) : (
        <>
          <p data-testid="membership-status">You&apos;re {membership.role === "member" ? "a member" : `the group's ${membership.role}`}.</p>
          <div className="flex flex-wrap gap-2">
            {isOrganizerRole(membership) ? (
              <>
                <ButtonLink href={`/groups/${group.slug}/manage`} variant="secondary" data-testid="manage-group">Manage group</ButtonLink>
                <ButtonLink href={`/groups/${group.slug}/activities/new`} variant="secondary" data-testid="new-activity">New activity</ButtonLink>
              </>
            ) : null}
          </div>
          <LeaveGroupForm action={leave} label="Leave group" />
        </>
      )}
    </Card>
  );
}
