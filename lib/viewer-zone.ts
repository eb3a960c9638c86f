import "server-only";
import { cookies } from "next/headers";
import { env } from "./env";
import { isValidTimeZone } from "./dates";

export const ZONE_COOKIE = "ct_tz";

/** The viewer's time zone: what their browser reported (a cookie), else the site's zone. */
export async function getViewerZone(): Promise<string> {
  const fromCookie = (await cookies()).get(ZONE_COOKIE)?.value;
  return isValidTimeZone(fromCookie) ? fromCookie : env().SITE_TIMEZONE;
}
