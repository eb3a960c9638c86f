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
