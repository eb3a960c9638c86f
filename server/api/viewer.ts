import "server-only";
import { z } from "zod";
import { getActivityForViewer, type ActivityDetail } from "@/db/queries/activities";
import { resolveApiCaller } from "./auth";
import { say } from "@/lib/i18n/said";
import { apiError } from "./http";

export const noSuchActivity = () => apiError("not_found", say("errors.api.noActivity"));

type Found = { ok: true; activity: ActivityDetail; viewerId?: string | null } | { ok: false; response: Response };

/**
 * The activity an id names, as this viewer may see it, or the 404 to answer: the same for an
 * unknown id, a hidden one and a private group's to an outsider.
 */
export async function activityVisibleTo(id: string, viewerId: string | null): Promise<Found> {
  const activity = await getActivityForViewer(id, viewerId);
  if (!activity) return { ok: false, response: noSuchActivity() };
  return { ok: true, activity };
}

/** The same for a handler outside the API (the .ics file): the caller, if any, from the request; a malformed id is a 404 too. */
export async function activityVisibleToCaller(request: Request, rawId: string): Promise<Found> {
  const id = z.uuid().safeParse(rawId);
  if (!id.success) return { ok: false, response: noSuchActivity() };
  const viewerId = (await resolveApiCaller(request))?.id ?? null;
  const found = await activityVisibleTo(id.data, viewerId);
  return found.ok ? { ...found, viewerId } : found;
}
