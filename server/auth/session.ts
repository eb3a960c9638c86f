import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "./config";
import { getRequestMember } from "./request-member";
import { readSessionClaims } from "./session-claims";

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
  /** Whether they have confirmed their email (until then the hub emails them only the link that does). */
  emailConfirmed: boolean;
  /** The language they chose on the account page, if any (lib/i18n/locales.ts). */
  locale: string | null;
}

/**
 * The signed-in member for this request, or null; resolved once per request. A session cookie
 * is read through a short in-memory cache of what it says (server/auth/session-claims.ts); the
 * member's row is read on every request all the same, and a version that no longer matches it
 * (signed out everywhere, password changed) or a suspended account is nobody, at once.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  let id: string | undefined;
  let version: number | undefined;
  const claims = await readSessionClaims().catch(() => undefined);
  if (claims === null) return null;
  if (claims) {
    id = claims.sub;
    version = claims.sv;
  } else {
    // No session cookie of the usual shape: next-auth judges (its jwt callback checks the version).
    try {
      id = (await auth())?.user?.id;
    } catch {
      return null;
    }
  }
  if (!id) return null;
  const user = await getRequestMember(id);
  if (!user || user.suspendedAt) return null;
  if (version !== undefined && user.sessionVersion !== version) return null;
  return { id: user.id, name: user.name, email: user.email, isAdmin: user.role === "admin", listedAsGoing: user.listedAsGoing, unreadNotifications: user.unreadNotifications, timezone: user.timezone || null, emailConfirmed: Boolean(user.emailVerifiedAt), locale: user.locale };
});

/** The signed-in member, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return viewer;
}
