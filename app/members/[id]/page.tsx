import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { MemberActionForm } from "@/components/member-action-form";
import { ReportLink } from "@/components/report-link";
import { Card } from "@/components/ui/card";
import { getMemberProfile } from "@/db/queries/blocks";
import { requireViewer } from "@/server/auth/session";
import { blockMemberAction } from "./actions";

export const metadata: Metadata = { title: "Member" };

/**
 * A member's name and what they wrote about themselves, for signed-in members. When a
 * block stands between the two (either way) the page does not exist for either of them.
 */
export default async function MemberPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const viewer = await requireViewer(`/members/${id}`);
  const member = await getMemberProfile(id, viewer.id);
  if (!member) notFound();
  const self = member.id === viewer.id;
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold" data-testid="member-name">{member.name}</h1>
      <Card className="space-y-2">
        {member.bio ? <p className="whitespace-pre-line" data-testid="member-bio">{member.bio}</p> : <p className="text-muted">{self ? "You haven't written anything about yourself yet." : "Nothing written here yet."}</p>}
        {member.neighbourhood ? <p className="text-sm text-muted" data-testid="member-neighbourhood">Neighbourhood: {member.neighbourhood}</p> : null}
        {self ? <p className="text-sm"><Link className="underline" href="/account#profile">Edit your profile</Link></p> : null}
      </Card>
      {self ? null : <p><ReportLink type="member" id={member.id} label={`Report ${member.name}`} /></p>}
      {self ? null : (
        <details className="text-sm text-muted">
          <summary className="cursor-pointer underline">Block</summary>
          <div className="mt-2 space-y-2">
            <p>Blocking is quiet: {member.name} isn&apos;t told. Neither of you will see the other&apos;s name, profile or comments, and you won&apos;t be paired together. You can unblock any time from your account page.</p>
            <MemberActionForm action={blockMemberAction} memberId={member.id} label={`Block ${member.name}`} testId="block-member" />
          </div>
        </details>
      )}
    </div>
  );
}
