import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { getActivityForViewer } from "@/db/queries/activities";
import { getViewer } from "@/lib/auth/session";
import { getViewerZoneInfo } from "@/lib/viewer-zone";

const idSchema = z.uuid();

/** The activity page's data; anything the viewer may not see is simply not found. */
export const loadActivityPage = cache(async (rawId: string) => {
  const id = idSchema.safeParse(rawId);
  if (!id.success) notFound();
  const [viewer, zoneInfo] = await Promise.all([getViewer(), getViewerZoneInfo()]);
  const activity = await getActivityForViewer(id.data, viewer?.id ?? null);
  if (!activity) notFound();
  return { viewer, zone: zoneInfo.zone, zoneFromBrowser: zoneInfo.fromBrowser, activity };
});
