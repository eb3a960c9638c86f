import "server-only";
import { touchApiToken, hashApiToken } from "@/db/mutations/api-tokens";
import { getApiTokenOwner } from "@/db/queries/api-tokens";
import { getViewer } from "@/server/auth/session";

/** Who is calling, how, and the language they chose on the account page, if any. */
export type ApiCaller = { id: string; via: "session" | "token"; locale: string | null };

/**
 * Who is calling the API: a personal access token sent as `Authorization: Bearer …`, or
 * else the browser's session cookie. A request that sends a token is judged by the token
 * alone — a revoked or unknown token is unauthenticated even if a cookie came along.
 */
export async function resolveApiCaller(request: Request): Promise<ApiCaller | null> {
  const header = request.headers.get("authorization");
  if (header !== null) {
    const match = /^Bearer\s+(\S{10,200})\s*$/i.exec(header);
    if (!match) return null;
    const owner = await getApiTokenOwner(hashApiToken(match[1]));
    if (!owner) return null;
    await touchApiToken(owner.tokenId);
    return { id: owner.userId, via: "token", locale: owner.locale };
  }
  const viewer = await getViewer();
  return viewer ? { id: viewer.id, via: "session", locale: viewer.locale } : null;
}
