import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { notFound } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { listFailedEmails } from "@/db/queries/email";
import { requireViewer } from "@/server/auth/session";
import { formatDay, formatTime } from "@/lib/dates";
import type { UiLocale } from "@/lib/i18n/locales";
import { env } from "@/lib/env";
import { retryEmailAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.email");
  return { title: t("title") };
}

/** /admin/email — site admins only: messages that failed after every attempt, with the last error. */
export default async function FailedEmailPage() {
  const viewer = await requireViewer("/admin/email");
  if (!viewer.isAdmin) notFound();
  const [failed, t, locale] = await Promise.all([listFailedEmails(), getTranslations("admin.email"), getLocale() as Promise<UiLocale>]);
  const zone = env().SITE_TIMEZONE;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-muted">{t("intro")}</p>
      {failed.length === 0 ? <Card data-testid="no-failed-email">{t("none")}</Card> : null}
      <ul className="space-y-3" data-testid="failed-email">
        {failed.map((m) => (
          <li key={m.id}>
            <Card className="space-y-1">
              <h2 className="font-semibold">{m.subject}</h2>
              <p className="text-sm text-muted">{t("line", { to: m.toAddress, type: m.type, attempts: m.attempts, when: `${formatDay(m.createdAt, zone, locale)}, ${formatTime(m.createdAt, zone, locale)}` })}</p>
              <p className="text-sm break-words">{t("lastError", { error: m.lastError ?? t("unknown") })}</p>
              <form action={retryEmailAction}>
                <input type="hidden" name="id" value={m.id} />
                <Button type="submit" variant="secondary" aria-label={t("sendAgainLabel", { subject: m.subject, to: m.toAddress })}>{t("sendAgain")}</Button>
              </form>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
