import "server-only";
import { z } from "zod";
import { getActivityForViewer, type ActivityDetail } from "@/db/queries/activities";
import { resolveApiCaller } from "./auth";
import { apiError } from "./http";

/**
 * Who is calling a read endpoint, if anyone (session cookie or personal access token):
 * used only to widen what they may see, i.e. their private groups. Reads never require it.
 */
export async function resolveApiViewerId(request: Request): Promise<string | null> {
  return (await resolveApiCaller(request))?.id ?? null;
}

/**
 * The activity an id names, as this caller may see it, or the 404 to answer: the same for
 * a malformed id, an unknown one, a hidden one and a private group's to an outsider.
 */
export async function activityVisibleToCaller(request: Request, rawId: string): Promise<{ ok: true; activity: ActivityDetail } | { ok: false; response: Response }> {
  const id = z.uuid().safeParse(rawId);
  const activity = id.success ? await getActivityForViewer(id.data, await resolveApiViewerId(request)) : undefined;
  if (!activity) return { ok: false, response: apiError("not_found", "There is no activity with that id.") };
  return { ok: true, activity };
}
