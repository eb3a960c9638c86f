import { env } from "@/lib/env";
import { embedPage } from "@/lib/embed-page";
import { guarded } from "@/server/api/http";
import { activityFacts, loadPublicGroupActivities } from "@/server/public-feeds";
import { originVariesByRequest, siteOrigin } from "@/server/request-origin";
import { plainPage } from "@/lib/plain-page";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ slug: string }> };

/**
 * GET /embed/groups/:slug — a public group's next activities, for an <iframe> on the group's
 * own website: the one address other sites may frame (proxy.ts). It looks up no session and
 * reads no cookie, so it is the same for everyone; a private or hidden group has none.
 */
export async function GET(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const found = await loadPublicGroupActivities((await params).slug, 6);
    if (!found) return new Response(plainPage({ title: "Not found", bodyHtml: "<p>There is no public group at this address.</p>" }), { status: 404, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
    const origin = siteOrigin(request.headers, new URL(request.url).origin);
    const html = embedPage({
      groupName: found.group.name,
      groupHref: `${origin}/groups/${found.group.slug}`,
      siteName: env().SITE_NAME,
      activities: found.activities.map((a) => {
        const f = activityFacts(a);
        return { title: f.title, href: `${origin}/activities/${a.id}`, when: f.when, where: f.where, note: `${f.asks} · ${f.places}` };
      }),
    });
    const varies = originVariesByRequest();
    return new Response(html, {
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=300", ...(varies ? { Vary: varies } : {}) },
    });
  });
}
