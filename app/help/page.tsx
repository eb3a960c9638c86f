import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { CrisisLineList } from "./_components/crisis-line-list";
import { Markdown } from "@/components/markdown";
import { Card } from "@/components/ui/card";
import type { UiLocale } from "@/lib/i18n/locales";
import { helpContent } from "@/lib/help";

// The crisis lines are configuration read at request time, never baked in at build.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("help");
  return { title: t("title") };
}

export default async function HelpPage() {
  const { intro, crisisLines } = helpContent();
  const [t, locale] = await Promise.all([getTranslations("help"), getLocale() as Promise<UiLocale>]);
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-lg">{intro ?? t("intro")}</p>
      <Card data-testid="crisis-lines">
        <h2 className="mb-2 text-lg font-semibold">{t("now")}</h2>
        {crisisLines.kind === "list" ? (
          <CrisisLineList region={crisisLines.region} lines={crisisLines.lines} builtIn={crisisLines.builtIn} locale={locale} />
        ) : (
          <Markdown source={crisisLines.source} allowPhoneLinks />
        )}
      </Card>
      <p className="text-muted">{t("reporting")}</p>
    </div>
  );
}
