import { activityVisibleToCaller } from "@/server/api/viewer";
import { guarded } from "@/server/api/http";
import { env } from "@/lib/env";
import { toICalendar } from "@/lib/ical";
import { originVariesByRequest, siteOrigin } from "@/server/request-origin";
import { activityCalendarEvent } from "@/lib/activity-calendar";
import { listMySlotTimes } from "@/db/queries/slots";
import { LANGUAGE_VARY, requestLocale } from "@/server/request-locale";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/**
 * GET /activities/:id/calendar.ics — the activity as an iCalendar file, for whoever may see
 * its page (a private group's activities only for its members).
 */
export async function GET(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const found = await activityVisibleToCaller(request, (await params).id);
    if (!found.ok) return found.response;
    const { activity } = found;
    const origin = siteOrigin(request.headers, new URL(request.url).origin);
    // A signed-in member's own file shows the time slots they hold.
    const mySlots = found.viewerId ? await listMySlotTimes(activity.id, found.viewerId) : [];
    // In the caller's language: a member's setting, else the language cookie or the browser's.
    const locale = await requestLocale(request, found.viewerId);
    const body = toICalendar(activityCalendarEvent({ ...activity, groupName: activity.group.name, mySlots }, origin, locale), env().SITE_NAME);
    const name = activity.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "activity";
    // The link inside names the site's address; when that comes from the request's headers,
    // a shared cache must keep one copy per address, or one request could set it for everyone.
    const varies = [originVariesByRequest(), LANGUAGE_VARY].filter(Boolean).join(", ");
    // An online activity's file differs by caller (the meeting link is only for those going and
    // its organizers), so it is never kept for others either.
    const cacheControl = activity.group.visibility === "private" || activity.online || mySlots.length ? "private, no-store" : "public, max-age=60";
    return new Response(body, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}.ics"`,
        // A private group's activity, or one with a meeting link, must never sit in a shared cache.
        "Cache-Control": cacheControl,
        Vary: varies,
      },
    });
  });
}
