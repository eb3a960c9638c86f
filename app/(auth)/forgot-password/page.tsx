import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";
import { PasswordForm } from "@/components/password-form";
import { Card } from "@/components/ui/card";
import { requestPasswordResetAction } from "../password-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.forgot"))("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth.forgot");
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <Card className="space-y-3">
        <p className="text-sm">{t("intro")}</p>
        <PasswordForm action={requestPasswordResetAction} testId="forgot-form" submit={t("submit")} fields={[{ name: "email", label: t("email"), type: "email", autoComplete: "email" }]} />
        <p className="text-sm text-muted"><Link className="underline" href="/signin">{t("back")}</Link></p>
      </Card>
    </div>
  );
}
