import { getTranslations } from "@/lib/i18n/translations";
import { AlertWithLink } from "@/components/alert-with-link";

/** Answered with status 403: a signed-in member opened a page that is for a group's organizers (or admins). */
export default async function Forbidden() {
  const t = await getTranslations("pages.forbidden");
  return (
    <div className="max-w-xl space-y-3">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <AlertWithLink title={t("alert")} testId="forbidden" href="/activities" body={(link) => t.rich("body", { link })} />
    </div>
  );
}
