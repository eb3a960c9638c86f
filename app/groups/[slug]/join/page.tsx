import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { getMembership } from "@/db/queries/memberships";
import { getGroupRow } from "@/db/queries/organizer";
import { requireViewer } from "@/lib/auth/session";
import { JoinGroupForm } from "../_components/membership-forms";
import { joinGroupAction } from "./actions";

export const metadata: Metadata = { title: "Join a group" };

type Props = { params: Promise<{ slug: string }> };

/**
 * The link organizers share to invite people. For a private group it shows only the
 * name and the agreements; activities and members stay hidden until one is a member.
 */
export default async function JoinGroupPage({ params }: Props) {
  const { slug } = await params;
  const viewer = await requireViewer(`/groups/${slug}/join`);
  const group = await getGroupRow({ slug });
  if (!group || group.hiddenAt) notFound();
  const membership = await getMembership(group.id, viewer.id);
  if (membership?.status === "banned") notFound();
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">Join {group.name}</h1>
      <Card>
        {membership ? (
          <p>
            {membership.status === "active" ? "You're already a member." : "Your request is waiting for an organizer."}{" "}
            <Link className="underline" href={`/groups/${group.slug}`}>Go to the group</Link>
          </p>
        ) : (
          <JoinGroupForm action={joinGroupAction.bind(null, group.id, group.slug)} agreements={group.agreements} needsApproval={group.joinPolicy === "approval"} />
        )}
      </Card>
    </div>
  );
}
