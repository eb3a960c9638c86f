import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";
import { PasswordForm } from "@/components/password-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { resetLinkIsValid } from "@/db/mutations/passwords";
import { resetPasswordAction } from "../../password-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.reset"))("title"), referrer: "same-origin" };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const valid = token.length >= 20 && token.length <= 200 && (await resetLinkIsValid(token));
  const t = await getTranslations("auth.reset");
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <Card className="space-y-3">
        {valid ? (
          <>
            <p className="text-sm">{t("intro")}</p>
            <PasswordForm action={resetPasswordAction} testId="reset-form" submit={t("submit")} hidden={{ token }} fields={[{ name: "password", label: t("newPassword"), type: "password", autoComplete: "new-password", hint: t("passwordHint") }]} />
          </>
        ) : (
          <Alert tone="error" title={t("invalid.title")} testId="reset-link-invalid">
            {t.rich("invalid.body", { link: (chunks) => <Link className="underline" href="/forgot-password">{chunks}</Link> })}
          </Alert>
        )}
      </Card>
    </div>
  );
}
