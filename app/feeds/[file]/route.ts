import { z } from "zod";
import { listGroupFeedActivities, listMemberFeedActivities } from "@/db/queries/calendar";
import { canSeeGroup, resolveFeedToken } from "@/db/queries/calendar-feeds";
import { activityCalendarEvent } from "@/lib/activity-calendar";
import { apiError, guarded } from "@/server/api/http";
import { env } from "@/lib/env";
import { buildCalendar } from "@/lib/ical";
import { siteOrigin } from "@/server/request-origin";
import { getMemberLocale } from "@/db/queries/member-locale";
import { translator } from "@/lib/i18n/catalog";
import { say } from "@/lib/i18n/said";
import { apiLocale, speaking } from "@/server/speaking";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ file: string }> };

const fileSchema = z.string().regex(/^cf_[A-Za-z0-9_-]{20,100}\.ics$/);

/**
 * GET /feeds/<token>.ics — a private calendar feed: the owner's activities, or one group's,
 * from 30 days ago on. No sign-in: the token is the key. A revoked token, or a group feed
 * whose owner can no longer see a private group, is a 404 at once; nothing is cached.
 */
export async function GET(request: Request, { params }: Ctx) {
  // No one is signed in: an address that names no calendar is refused in the asker's language.
  return speaking(apiLocale(request), () => guarded(async () => {
    const file = fileSchema.safeParse((await params).file);
    const notFound = () => apiError("not_found", say("errors.routes.calendarFeed.none"), undefined, { "Cache-Control": "no-store", Vary: "Accept-Language" });
    if (!file.success) return notFound();
    const feed = await resolveFeedToken(file.data.slice(0, -4));
    if (!feed) return notFound();
    if (feed.groupId && !(await canSeeGroup(feed.groupId, feed.userId))) return notFound();
    const activities = feed.groupId ? await listGroupFeedActivities(feed.groupId, feed.userId) : await listMemberFeedActivities(feed.userId);
    const origin = siteOrigin(request.headers, new URL(request.url).origin);
    // A calendar app fetches the feed with no one signed in: it speaks its owner's language.
    const locale = await getMemberLocale(feed.userId);
    const name = feed.groupId ? `${feed.groupName} · ${env().SITE_NAME}` : translator(locale, "calendar")("myActivities", { siteName: env().SITE_NAME });
    const body = buildCalendar(
      activities.map((a) => activityCalendarEvent(a, origin, locale)),
      { productName: env().SITE_NAME, calendarName: name, refreshSeconds: 3600 },
    );
    return new Response(body, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": 'inline; filename="calendar.ics"',
        "Cache-Control": "private, no-store",
        "X-Robots-Tag": "noindex",
      },
    });
  }));
}
