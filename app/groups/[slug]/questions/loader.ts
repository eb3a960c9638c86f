import "server-only";
import { forbidden, notFound } from "next/navigation";
import { getMembership } from "@/db/queries/memberships";
import { getGroupRow } from "@/db/queries/organizer";
import { requireViewer } from "@/server/auth/session";
import { getViewerZone } from "@/server/viewer-zone";
import { authorize } from "@/lib/authz";

/** The group's shared inbox is for its organizers: members get a 403, people who cannot see the group a 404. */
export async function loadInbox(slug: string, path: string) {
  const viewer = await requireViewer(path);
  const group = await getGroupRow({ slug });
  if (!group || group.hiddenAt) notFound();
  const membership = await getMembership(group.id, viewer.id);
  if (group.visibility === "private" && membership?.status !== "active") notFound();
  if (!authorize(viewer, membership, "organizer").ok) forbidden();
  return { viewer, group, zone: await getViewerZone() };
}
