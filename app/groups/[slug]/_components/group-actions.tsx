import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";
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
  const [viewer, group, t] = await Promise.all([getViewer(), getGroupRow({ id: groupId }), getTranslations("groups.actions")]);
  if (!group) return null;
  if (!viewer) {
    return (
      <Card data-testid="group-actions">
        {t.rich("signInToJoin", { link: (chunks) => <Link className="underline" href={`/signin?callbackUrl=${encodeURIComponent(`/groups/${group.slug}`)}`}>{chunks}</Link> })}
      </Card>
    );
  }
  const membership = await getMembership(groupId, viewer.id);
  if (membership?.status === "banned") {
    // Said plainly and once: a banned member otherwise sees a group page that ignores them.
    return (
      <Alert tone="info" title={t("bannedTitle")} testId="banned-notice">
        {t.rich("banned", {
          group: group.name,
          ask: (chunks) => <a className="underline" href="#ask" data-testid="banned-ask-link">{chunks}</a>,
          help: (chunks) => <Link className="underline" href="/help">{chunks}</Link>,
        })}
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
          <p data-testid="membership-status">{t("pending")}</p>
          <LeaveGroupForm action={leave} label={t("withdraw")} />
        </>
      ) : (
        <>
          <p data-testid="membership-status">{t("youAre", { role: membership.role })}</p>
          <div className="flex flex-wrap gap-2">
            {isOrganizerRole(membership) ? (
              <>
                <ButtonLink href={`/groups/${group.slug}/manage`} variant="secondary" data-testid="manage-group">{t("manage")}</ButtonLink>
                <ButtonLink href={`/groups/${group.slug}/activities/new`} variant="secondary" data-testid="new-activity">{t("newActivity")}</ButtonLink>
              </>
            ) : null}
          </div>
          <LeaveGroupForm action={leave} label={t("leave")} />
        </>
      )}
    </Card>
  );
}
