import "server-only";
import { requireViewer } from "@/server/auth/session";
import { getMemberZoneFor } from "@/server/viewer-zone";

/**
 * Every /me page starts here: the signed-in member (or a trip to sign-in and back), and the
 * zone their weeks are counted in — their own, else what their browser reported. Pages
 * under /me only ever read the viewer's own rows, by the viewer's id.
 */
export async function loadMe(path: string) {
  const viewer = await requireViewer(path);
  const zone = await getMemberZoneFor(viewer);
  return { viewer, zone, now: new Date() };
}
