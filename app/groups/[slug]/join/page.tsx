import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";
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
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("groups.join");
  return { title: t("title"), referrer: "same-origin", robots: { index: false } };
}

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
  const t = await getTranslations("groups.join");
  if (!group || group.hiddenAt) notFound();
  const membership = await getMembership(group.id, viewer.id);
  if (membership?.status === "banned") {
    // They were in the group, so its existence is no secret to them: say plainly that they can't join, not "not found".
    return (
      <div className="mx-auto max-w-xl space-y-4">
        <h1 className="text-2xl font-bold">{t("refusedTitle")}</h1>
        <Alert tone="info" title={t("refusedTitle")} testId="join-refused">
          {t.rich("refused", {
            group: group.name,
            groups: (chunks) => <Link className="underline" href="/groups">{chunks}</Link>,
            help: (chunks) => <Link className="underline" href="/help">{chunks}</Link>,
          })}
        </Alert>
      </div>
    );
  }
  const isPrivate = group.visibility === "private";
  if (isPrivate && !membership && !inviteCodeMatches(group.inviteCode, invite)) notFound();
  const action = isPrivate && invite ? joinGroupWithInviteAction.bind(null, group.id, group.slug, invite) : joinGroupAction.bind(null, group.id, group.slug);
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t("heading", { name: group.name })}</h1>
      <Card>
        {membership ? (
          // Also what a newcomer sees once their join lands, since the action refreshes this page.
          <p data-testid="membership-status">
            {membership.status === "active" ? (
              t.rich("member", { link: (chunks) => <Link className="underline" href={`/groups/${group.slug}`}>{chunks}</Link> })
            ) : isPrivate ? (
              t("waitingPrivate")
            ) : (
              t.rich("waiting", { link: (chunks) => <Link className="underline" href={`/groups/${group.slug}`}>{chunks}</Link> })
            )}
          </p>
        ) : (
          <JoinGroupForm action={action} agreements={group.agreements} needsApproval={group.joinPolicy === "approval"} />
        )}
      </Card>
    </div>
  );
}
