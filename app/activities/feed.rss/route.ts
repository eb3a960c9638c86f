import { guarded } from "@/server/api/http";
import { listingFeed } from "@/server/public-feeds";

export const dynamic = "force-dynamic";

/** GET /activities/feed.rss — the public listing as a feed, with the listing's filters (?kind=walk&energy=low …). */
export async function GET(request: Request) {
  return guarded(async () => listingFeed(request, "rss"));
}
