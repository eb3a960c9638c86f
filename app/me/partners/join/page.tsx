import type { Metadata } from "next";
import crypto from "node:crypto";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getInviteByCodeHash } from "@/db/queries/partners";
import { rhythmWords } from "@/lib/connection/rhythm";
import { inviteCodeSchema } from "@/lib/validation/connection";
import { loadMe } from "../../loader";
import { acceptInviteLinkAction } from "../actions";

export const metadata: Metadata = { title: "A check-in partner invite" };

type Props = { searchParams: Promise<{ code?: string | string[] }> };

export default async function JoinPartnerPage({ searchParams }: Props) {
  const rawCode = (await searchParams).code;
  const code = inviteCodeSchema.safeParse(Array.isArray(rawCode) ? rawCode[0] : rawCode);
  const { viewer } = await loadMe(`/me/partners/join${code.success ? `?code=${code.data}` : ""}`);
  const invite = code.success ? await getInviteByCodeHash(crypto.createHash("sha256").update(code.data, "utf8").digest("hex")) : undefined;
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">A check-in partner invite</h1>
      {!invite ? (
        <Card data-testid="invite-gone">
          <p>That invite link has been used or withdrawn. If you&apos;d still like to check in with each other, ask for a new one.</p>
        </Card>
      ) : invite.inviterId === viewer.id ? (
        <Card data-testid="own-invite">
          <p>This is your own invite link. Send it to the person you&apos;d like to check in with.</p>
        </Card>
      ) : (
        <Card className="space-y-3" data-testid="invite">
          <p>
            <strong>{invite.inviterName}</strong> would like to be check-in partners with you, with {rhythmWords(invite.rhythm, invite.weeklyDay)}. You&apos;d each see the other&apos;s check-ins, and nobody else would. Either of you can pause or end it at any time.
          </p>
          <ActionForm action={acceptInviteLinkAction} testId="accept-invite">
            <input type="hidden" name="code" value={code.data} />
            <Button type="submit" data-testid="accept-invite-button">Accept</Button>
          </ActionForm>
          <p className="text-sm text-muted">Not right now? Simply close this page; nobody is told.</p>
        </Card>
      )}
    </div>
  );
}
