import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.deleted"))("title") };
}

/** Where a member lands after deleting their account; it needs no one signed in. */
export default async function AccountDeletedPage() {
  const t = await getTranslations("account.deleted");
  return (
    <div className="max-w-xl space-y-3" data-testid="account-deleted">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p>{t("gone")}</p>
      <p>
        {t.rich("welcomeBack", {
          browse: (chunks) => <Link className="underline" href="/activities">{chunks}</Link>,
          signup: (chunks) => <Link className="underline" href="/signup">{chunks}</Link>,
        })}
      </p>
    </div>
  );
}
