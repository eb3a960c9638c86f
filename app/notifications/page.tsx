import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { listNotifications } from "@/db/queries/notifications";
import { requireViewer } from "@/server/auth/session";
import { getViewerZone } from "@/server/viewer-zone";
import { formatDay, formatTime } from "@/lib/dates";
import type { UiLocale } from "@/lib/i18n/locales";
import { StillComingForm } from "@/components/still-coming-form";
import { markAllNotificationsReadAction, markNotificationReadAction } from "./actions";
import { answerStillComingAction } from "./still-coming-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

/** Only same-site paths are followed from a notification. */
/** A reminder comes the day before; its buttons stay until the activity is surely over (they refuse kindly after it starts). */
const REMINDER_ANSWERABLE_MS = 48 * 3600_000;

const safeHref = (href: string | null) => (href && href.startsWith("/") && !href.startsWith("//") ? href : null);

export default async function NotificationsPage() {
  const viewer = await requireViewer("/notifications");
  // The count is the one the header shows, read with the viewer, so the two always agree.
  const [items, zone] = await Promise.all([listNotifications(viewer.id), getViewerZone()]);
  const unread = viewer.unreadNotifications;
  const locale = (await getLocale()) as UiLocale;
  const t = await getTranslations("notifications");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        {unread ? (
          <form action={markAllNotificationsReadAction}>
            <Button type="submit" variant="secondary" data-testid="mark-all-read">{t("markAll")}</Button>
          </form>
        ) : null}
      </div>
      <p className="text-muted" data-testid="unread-count">{unread ? t("unread", { count: unread }) : t("caughtUp")}</p>
      {items.length === 0 ? <Card>{t("empty")}</Card> : null}
      <ul className="space-y-3" data-testid="notifications">
        {items.map((n) => {
          const href = safeHref(n.href);
          return (
            <li key={n.id} data-testid="notification" data-type={n.type} data-read={n.readAt ? "true" : "false"}>
              <Card className={n.readAt ? "space-y-1 opacity-80" : "space-y-1 border-brand"}>
                <div className="flex flex-wrap items-center gap-2">
                  {!n.readAt ? <Badge tone="brand">{t("new")}</Badge> : null}
                  <h2 className="font-semibold">{href ? <Link className="underline" href={href}>{n.title}</Link> : n.title}</h2>
                </div>
                {n.body ? <p className="whitespace-pre-line">{n.body}</p> : null}
                {n.type === "reminder" && n.activityId && n.createdAt.getTime() > Date.now() - REMINDER_ANSWERABLE_MS ? (
                  <StillComingForm action={answerStillComingAction} hidden={{ activityId: n.activityId }} purposes={["coming", "free"]} testId={`still-coming-${n.id}`} />
                ) : null}
                <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted">
                  <time dateTime={n.createdAt.toISOString()}>{t("when", { day: formatDay(n.createdAt, zone, locale), time: formatTime(n.createdAt, zone, locale) })}</time>
                  {!n.readAt ? (
                    <form action={markNotificationReadAction}>
                      <input type="hidden" name="id" value={n.id} />
                      <Button type="submit" variant="ghost" aria-label={t("markReadNamed", { title: n.title })}>{t("markRead")}</Button>
                    </form>
                  ) : null}
                </div>
              </Card>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
