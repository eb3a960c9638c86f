import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "./config";
import { getRequestMember } from "./request-member";

export interface Viewer {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  /** Whether they chose to be named on who's-going lists (account page). */
  listedAsGoing: boolean;
  /** Notifications they have not read yet (the header's count). */
  unreadNotifications: number;
  /** The zone they set for their weeks on the account page, if any. */
  timezone: string | null;
}

/** The signed-in member for this request, or null; resolved once per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  let session;
  try {
    session = await auth();
  } catch {
    return null;
  }
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getRequestMember(id);
  if (!user || user.suspendedAt) return null;
  return { id: user.id, name: user.name, email: user.email, isAdmin: user.role === "admin", listedAsGoing: user.listedAsGoing, unreadNotifications: user.unreadNotifications, timezone: user.timezone || null };
});

/** The signed-in member, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return viewer;
}
