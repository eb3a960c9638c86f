import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";

export default async function NotFound() {
  const t = await getTranslations("pages.notFound");
  return (
    <div className="max-w-xl space-y-3">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p>
        {t.rich("body", {
          link: (chunks) => (
            <Link className="underline" href="/activities">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </div>
  );
}
