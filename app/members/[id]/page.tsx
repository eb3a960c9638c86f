import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "@/lib/i18n/translations";
import { z } from "zod";
import { MemberActionForm } from "@/components/member-action-form";
import { ReportLink } from "@/components/report-link";
import { Card } from "@/components/ui/card";
import { getMemberProfile } from "@/db/queries/blocks";
import { requireViewer } from "@/server/auth/session";
import { blockMemberAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.member"))("title") };
}

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
  const t = await getTranslations("account.member");
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold" data-testid="member-name">{member.name}</h1>
      <Card className="space-y-2">
        {member.bio ? <p className="whitespace-pre-line" data-testid="member-bio">{member.bio}</p> : <p className="text-muted">{self ? t("selfEmpty") : t("empty")}</p>}
        {member.neighbourhood ? <p className="text-sm text-muted" data-testid="member-neighbourhood">{t("neighbourhood", { neighbourhood: member.neighbourhood })}</p> : null}
        {self ? <p className="text-sm"><Link className="underline" href="/account#profile">{t("edit")}</Link></p> : null}
      </Card>
      {self ? null : <p><ReportLink type="member" id={member.id} label={t("report", { name: member.name })} /></p>}
      {self ? null : (
        <details className="text-sm text-muted">
          <summary className="cursor-pointer underline">{t("block")}</summary>
          <div className="mt-2 space-y-2">
            <p>{t("blockExplain", { name: member.name })}</p>
            <MemberActionForm action={blockMemberAction} memberId={member.id} label={t("blockNamed", { name: member.name })} testId="block-member" />
          </div>
        </details>
      )}
    </div>
  );
}
