import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { getActivityPageData } from "@/db/queries/activity-page";
import { getViewer } from "@/server/auth/session";
import { getViewerZoneInfo } from "@/server/viewer-zone";

const idSchema = z.uuid();

/**
 * The activity page's data, with the viewer's own RSVP, membership and standing place read
 * in the same statement; anything the viewer may not see is simply not found.
 */
export const loadActivityPage = cache(async (rawId: string) => {
  const id = idSchema.safeParse(rawId);
  if (!id.success) notFound();
  const [viewer, zoneInfo] = await Promise.all([getViewer(), getViewerZoneInfo()]);
  const data = await getActivityPageData(id.data, viewer?.id ?? null);
  if (!data) notFound();
  return { viewer, zone: zoneInfo.zone, zoneFromBrowser: zoneInfo.fromBrowser, activity: data.activity, data };
});
