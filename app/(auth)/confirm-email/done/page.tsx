import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getViewer } from "@/server/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.confirmed"))("title"), robots: { index: false } };
}

export default async function EmailConfirmedPage() {
  const viewer = await getViewer();
  const t = await getTranslations("auth.confirmed");
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <Card className="space-y-3">
        <Alert tone="success" testId="email-confirmed">{t("body")}</Alert>
        <p className="text-sm">
          {viewer ? <Link className="underline" href="/activities">{t("find")}</Link> : <Link className="underline" href="/signin">{t("signIn")}</Link>}
        </p>
      </Card>
    </div>
  );
}
