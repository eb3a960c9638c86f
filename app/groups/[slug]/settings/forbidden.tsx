"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useParams } from "next/navigation";
import { Alert } from "@/components/ui/alert";

/** Answered with status 403 to members of the group who do not organize it. */
export default function SettingsForbidden() {
  const { slug } = useParams<{ slug: string }>();
  const t = useTranslations("client-groups.settingsForbidden");
  return (
    <div className="max-w-xl space-y-3">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <Alert tone="error" title={t("refused")} testId="settings-refused">
        <Link className="underline" href={`/groups/${slug}`}>{t("back")}</Link>
      </Alert>
    </div>
  );
}
