import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";

/** Answered with status 403: a signed-in member opened a page that is for a group's organizers (or admins). */
export default async function Forbidden() {
  const t = await getTranslations("pages.forbidden");
  return (
    <div className="max-w-xl space-y-3">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <Alert tone="error" title={t("alert")} testId="forbidden">
        {t.rich("body", {
          link: (chunks) => (
            <Link className="underline" href="/activities">
              {chunks}
            </Link>
          ),
        })}
      </Alert>
    </div>
  );
}
