"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("client-visit.error");
  return (
    <div className="max-w-xl space-y-3" role="alert">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p>{t("body")}</p>
      <button type="button" className="rounded-lg border border-line px-4 py-2" onClick={reset}>
        {t("retry")}
      </button>
    </div>
  );
}
