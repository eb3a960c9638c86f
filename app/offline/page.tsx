import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";
import type { ReactNode } from "react";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pwa.offline"))("title") };
}

/**
 * What the installed app shows when a page cannot be reached: the service worker keeps a copy
 * of this page as a visitor sees it (public/sw.js) and serves it for any page it cannot fetch.
 */
export default async function OfflinePage() {
  const t = await getTranslations("pwa.offline");
  const link = (href: string) => (chunks: ReactNode) => (
    <Link className="underline" href={href}>
      {chunks}
    </Link>
  );
  return (
    <div className="max-w-2xl space-y-3" data-testid="offline-page">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-lg">{t("body")}</p>
      <p>{t.rich("week", { link: link("/me/week") })}</p>
      <p className="text-muted">{t.rich("retry", { link: link("/") })}</p>
    </div>
  );
}
