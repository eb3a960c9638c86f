import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";
import { PasswordForm } from "@/components/password-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { emailLinkState } from "@/db/mutations/email-links";
import { confirmEmailAction, sendNewConfirmationLinkAction } from "../../link-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.confirm"))("title"), referrer: "no-referrer", robots: { index: false } };
}

/**
 * The page a confirmation link opens. Opening it changes nothing (mail scanners open every link
 * in a message); one press of the button confirms. A link that no longer works says why, and
 * offers a fresh one when the email still needs confirming.
 */
export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await emailLinkState(token, "verify");
  const t = await getTranslations("auth.confirm");
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <Card className="space-y-3">
        {state === "valid" ? (
          <>
            <p className="text-sm">{t("intro")}</p>
            <PasswordForm action={confirmEmailAction} testId="confirm-email" submit={t("submit")} hidden={{ token }} fields={[]} />
          </>
        ) : state === "unknown" ? (
          <Alert tone="error" title={t("unknown.title")} testId="confirm-link-invalid">
            {t.rich("unknown.body", { link: (chunks) => <Link className="underline" href="/account">{chunks}</Link> })}
          </Alert>
        ) : (
          <>
            <Alert tone="error" title={t(`${state}.title`)} testId={`confirm-link-${state}`}>
              {t(`${state}.body`)}
            </Alert>
            <PasswordForm action={sendNewConfirmationLinkAction} testId="confirm-resend" submit={t("resend")} hidden={{ token }} fields={[]} />
          </>
        )}
      </Card>
    </div>
  );
}
