import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getMembership } from "@/db/queries/memberships";
import { getGroupRow } from "@/db/queries/organizer";
import { requireViewer } from "@/server/auth/session";
import { inviteCodeMatches } from "@/lib/invite-codes";
import { JoinGroupForm } from "../_components/membership-forms";
import { joinGroupAction, joinGroupWithInviteAction } from "./actions";

// The address may carry a private group's invite code: it is not sent on to other sites.
export const metadata: Metadata = { title: "Join a group", referrer: "same-origin", robots: { index: false } };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ invite?: string | string[] }> };

/**
 * The link organizers share to invite people. For a private group it shows only the
 * name and the agreements, and only with the code from its invite link; without it the
 * page is the same "not found" as for a group that does not exist.
 */
export default async function JoinGroupPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { invite: given } = await searchParams;
  const invite = typeof given === "string" ? given : undefined;
  const viewer = await requireViewer(`/groups/${slug}/join${invite ? `?invite=${encodeURIComponent(invite)}` : ""}`);
  const group = await getGroupRow({ slug });
  if (!group || group.hiddenAt) notFound();
  const membership = await getMembership(group.id, viewer.id);
  if (membership?.status === "banned") {
    // They were in the group, so its existence is no secret to them: say plainly that they can't join, not "not found".
    return (
      <div className="mx-auto max-w-xl space-y-4">
        <h1 className="text-2xl font-bold">You can&apos;t join this group</h1>
        <Alert tone="info" title="You can't join this group" testId="join-refused">
          The organizers of {group.name} have removed you from it, so you can&apos;t join it again. There are other groups to find:{" "}
          <Link className="underline" href="/groups">browse groups</Link>, or <Link className="underline" href="/help">find support on the help page</Link>.
        </Alert>
      </div>
    );
  }
  const isPrivate = group.visibility === "private";
  if (isPrivate && !membership && !inviteCodeMatches(group.inviteCode, invite)) notFound();
  const action = isPrivate && invite ? joinGroupWithInviteAction.bind(null, group.id, group.slug, invite) : joinGroupAction.bind(null, group.id, group.slug);
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">Join {group.name}</h1>
      <Card>
        {membership ? (
          // Also what a newcomer sees once their join lands, since the action refreshes this page.
          <p data-testid="membership-status">
            {membership.status === "active" ? (
              <>
                You&apos;re a member of this group. <Link className="underline" href={`/groups/${group.slug}`}>Go to the group</Link>
              </>
            ) : isPrivate ? (
              "Your request is waiting for an organizer. You'll get a notification when you're in, and the group opens to you then."
            ) : (
              <>
                Your request is waiting for an organizer; you&apos;ll get a notification when you&apos;re in.{" "}
                <Link className="underline" href={`/groups/${group.slug}`}>Go to the group</Link>
              </>
            )}
          </p>
        ) : (
          <JoinGroupForm action={action} agreements={group.agreements} needsApproval={group.joinPolicy === "approval"} />
        )}
      </Card>
    </div>
  );
}
