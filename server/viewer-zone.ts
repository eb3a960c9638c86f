import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { canonicalZone, isValidTimeZone } from "@/lib/dates";

export const ZONE_COOKIE = "ct_tz";

export interface ViewerZone {
  zone: string;
  /** True when the browser told us its zone; false when it is the site's zone (no JavaScript yet). */
  fromBrowser: boolean;
}

/** The viewer's time zone and where it came from: what their browser reported (a cookie), else the site's zone. */
export async function getViewerZoneInfo(): Promise<ViewerZone> {
  const fromCookie = (await cookies()).get(ZONE_COOKIE)?.value;
  return isValidTimeZone(fromCookie) ? { zone: canonicalZone(fromCookie), fromBrowser: true } : { zone: canonicalZone(env().SITE_TIMEZONE), fromBrowser: false };
}

/** The viewer's time zone: what their browser reported (a cookie), else the site's zone. */
export async function getViewerZone(): Promise<string> {
  return (await getViewerZoneInfo()).zone;
}

/**
 * The zone a signed-in member's weeks are counted in: their own (from the member's row the
 * request already read), else what their browser reported, else the site's. The same rule as
 * getMemberZone in the data layer, without a statement of its own.
 */
export async function getMemberZoneFor(viewer: { timezone: string | null }): Promise<string> {
  return viewer.timezone || (await getViewerZone());
}
