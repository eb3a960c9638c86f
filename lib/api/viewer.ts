import "server-only";
import { resolveApiCaller } from "./auth";

/**
 * Who is calling a read endpoint, if anyone (session cookie or personal access token):
 * used only to widen what they may see, i.e. their private groups. Reads never require it.
 */
export async function resolveApiViewerId(request: Request): Promise<string | null> {
  return (await resolveApiCaller(request))?.id ?? null;
}
