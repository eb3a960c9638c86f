import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";
import { PasswordForm } from "@/components/password-form";
import { Alert } from "@/components/ui/alert";
import type { DeletionPreview } from "@/db/queries/account-deletion";
import { deleteAccountAction } from "./actions";

/**
 * "Delete my account": what goes and what stays, in plain words with the member's own counts,
 * then the password to confirm. While they own a group it says to hand it over first.
 */
export async function DeleteAccount({ preview }: { preview: DeletionPreview }) {
  const t = await getTranslations("account.delete");
  const owns = preview.ownedGroups;
  return (
    <div className="space-y-3" data-testid="delete-account">
      <p className="text-sm">{t("intro")}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <h3 className="font-semibold">{t("goes.heading")}</h3>
          <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="deletion-goes">
            <li>{t("goes.account")}</li>
            <li>{t("goes.rsvps", { count: preview.upcomingRsvps })}</li>
            <li>{t("goes.comments", { count: preview.comments })}</li>
            <li>{t("goes.partnerships", { count: preview.partnerships, checkIns: preview.checkIns })}</li>
            <li>{t("goes.reflections", { count: preview.reflections })}</li>
            <li>{t("goes.groups", { count: preview.groups, tasks: preview.openTaskPlaces })}</li>
            <li>{t("goes.rest")}</li>
          </ul>
        </div>
        <div>
          <h3 className="font-semibold">{t("stays.heading")}</h3>
          <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="deletion-stays">
            <li>{t("stays.attended", { count: preview.attended })}</li>
            <li>{t("stays.hours", { count: preview.verifiedHours })}</li>
            <li>{t("stays.posted", { count: preview.activitiesPosted })}</li>
          </ul>
        </div>
      </div>
      {owns.length ? (
        <Alert tone="info" title={t("owns.title")} testId="deletion-owns-groups">
          <p>{t("owns.intro")}</p>
          <ul className="mt-1 list-disc pl-5">
            {owns.map((g) => (
              <li key={g.id}>
                {t.rich("owns.group", { name: g.name, link: (chunks) => <Link className="underline" href={`/groups/${g.slug}/manage#members`}>{chunks}</Link> })}
              </li>
            ))}
          </ul>
          <p className="mt-1">{t("owns.then")}</p>
        </Alert>
      ) : (
        <PasswordForm
          action={deleteAccountAction}
          testId="delete-account-form"
          submit={t("submit")}
          fields={[{ name: "password", label: t("password"), type: "password", autoComplete: "current-password" }]}
        />
      )}
    </div>
  );
}
