import { guarded } from "@/server/api/http";
import { groupFeed } from "@/server/public-feeds";

export const dynamic = "force-dynamic";

/** GET /groups/:slug/feed.atom — a public group's upcoming activities; a private or hidden group has none (404). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return guarded(async () => groupFeed(request, (await params).slug, "atom"));
}
