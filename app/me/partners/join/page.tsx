import type { Metadata } from "next";
import crypto from "node:crypto";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getInviteByCodeHash } from "@/db/queries/partners";
import { rhythmWords } from "@/lib/connection/rhythm";
import type { UiLocale } from "@/lib/i18n/locales";
import { inviteCodeSchema } from "@/lib/validation/connection";
import { loadMe } from "../../loader";
import { acceptInviteLinkAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("me.join"))("title") };
}

type Props = { searchParams: Promise<{ code?: string | string[] }> };

export default async function JoinPartnerPage({ searchParams }: Props) {
  const rawCode = (await searchParams).code;
  const code = inviteCodeSchema.safeParse(Array.isArray(rawCode) ? rawCode[0] : rawCode);
  const { viewer } = await loadMe(`/me/partners/join${code.success ? `?code=${code.data}` : ""}`);
  const locale = (await getLocale()) as UiLocale;
  const t = await getTranslations("me.join");
  const invite = code.success ? await getInviteByCodeHash(crypto.createHash("sha256").update(code.data, "utf8").digest("hex")) : undefined;
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      {!invite ? (
        <Card data-testid="invite-gone">
          <p>{t("gone")}</p>
        </Card>
      ) : invite.inviterId === viewer.id ? (
        <Card data-testid="own-invite">
          <p>{t("own")}</p>
        </Card>
      ) : (
        <Card className="space-y-3" data-testid="invite">
          <p>
            {t.rich("invite", { name: invite.inviterName, rhythm: rhythmWords(invite.rhythm, invite.weeklyDay, locale), strong: (chunks) => <strong>{chunks}</strong> })}
          </p>
          <ActionForm action={acceptInviteLinkAction} testId="accept-invite">
            <input type="hidden" name="code" value={code.data} />
            <Button type="submit" data-testid="accept-invite-button">{t("accept")}</Button>
          </ActionForm>
          <p className="text-sm text-muted">{t("notNow")}</p>
        </Card>
      )}
    </div>
  );
}
