import { createTranslator } from "next-intl";
import { env } from "@/lib/env";
import { embedPage } from "@/lib/embed-page";
import { formatDay, formatTime } from "@/lib/dates";
import { catalog } from "@/lib/i18n/catalog";
import { DEFAULT_LOCALE, isLocale, languageTag, type Locale } from "@/lib/i18n/locales";
import { guarded } from "@/server/api/http";
import { loadPublicGroupActivities } from "@/server/public-feeds";
import { originVariesByRequest, siteOrigin } from "@/server/request-origin";
import { escapeHtml, plainPage } from "@/lib/plain-page";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ slug: string }> };

/** The widget's language: `?lang=es` in the frame's address, as the group's site chooses; English otherwise. */
function widgetLocale(request: Request): Locale {
  const asked = new URL(request.url).searchParams.get("lang");
  return isLocale(asked) ? asked : DEFAULT_LOCALE;
}

/**
 * GET /embed/groups/:slug — a public group's next activities, for an <iframe> on the group's
 * own website: the one address other sites may frame (proxy.ts). It looks up no session and
 * reads no cookie, so it is the same for everyone; a private or hidden group has none. Its
 * language is the address's `lang` (en or es), English without one.
 */
export async function GET(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const locale = widgetLocale(request);
    // Typed loosely, like lib/i18n/catalog.ts's translator: keys are checked by tests/unit/catalogs.test.ts.
    const t = createTranslator({ locale, messages: catalog(locale), namespace: "widget" as never }) as unknown as {
      (key: string, values?: Record<string, string | number>): string;
      markup(key: string, values: Record<string, string | number | ((chunks: string) => string)>): string;
    };
    const labels = createTranslator({ locale, messages: catalog(locale), namespace: "labels" as never }) as unknown as (key: string) => string;
    const found = await loadPublicGroupActivities((await params).slug, 6);
    if (!found) {
      const page = plainPage({ title: t("notFoundTitle"), bodyHtml: `<p>${escapeHtml(t("notFoundBody"))}</p>`, lang: languageTag(locale) });
      return new Response(page, { status: 404, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
    }
    const origin = siteOrigin(request.headers, new URL(request.url).origin);
    const siteName = env().SITE_NAME;
    const html = embedPage({
      groupName: found.group.name,
      groupHref: `${origin}/groups/${found.group.slug}`,
      activities: found.activities.map((a) => {
        const cancelled = a.status === "cancelled";
        const places = cancelled ? t("placesCancelled") : a.spotsLeft === null ? t("placesOpen") : a.spotsLeft === 0 ? t("placesFull") : t("placesLeft", { count: a.spotsLeft });
        return {
          title: cancelled ? t("cancelled", { title: a.title }) : a.title,
          href: `${origin}/activities/${a.id}`,
          when: t("when", { day: formatDay(a.startsAt, a.timezone, locale), time: formatTime(a.startsAt, a.timezone, locale), zone: a.timezone }),
          where: a.placeName || a.address || (a.online ? t("online") : ""),
          note: t("note", { kind: labels(`kind.${a.kind}`), energy: labels(`energy.${a.energyLevel}`), places }),
        };
      }),
      words: (groupLink) => ({
        lang: languageTag(locale),
        title: t("title", { group: found.group.name, site: siteName }),
        headingHtml: t.markup("heading", { group: escapeHtml(found.group.name), link: () => groupLink }),
        nothing: t("nothing"),
        seeAll: t("seeAll", { site: siteName }),
      }),
    });
    const varies = originVariesByRequest();
    return new Response(html, {
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=300", ...(varies ? { Vary: varies } : {}) },
    });
  });
}
