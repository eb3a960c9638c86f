import "server-only";
import crypto from "node:crypto";
import { authSecret } from "../env";
import { isEmailType, type EmailType } from "./types";

/*
 * One-click unsubscribe tokens: `<base64url(userId:type)>.<HMAC-SHA256>`, signed with a key
 * derived from AUTH_SECRET. Anyone holding the link from the email may turn that one kind of
 * email off for that one member, without signing in; nobody can make a link for another
 * member or another kind without the secret.
 */

const key = () => crypto.createHmac("sha256", authSecret()).update("email-unsubscribe-v1").digest();
const sign = (payload: string) => crypto.createHmac("sha256", key()).update(payload).digest("base64url");

export function unsubscribeToken(userId: string, type: EmailType): string {
  const payload = Buffer.from(`${userId}:${type}`).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

/** The member and kind a token names, or null for anything not signed by this site. */
export function verifyUnsubscribeToken(token: string): { userId: string; type: EmailType } | null {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined || token.length > 300) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  const [userId, type] = Buffer.from(payload, "base64url").toString("utf8").split(":");
  if (!userId || !type || !/^[0-9a-f-]{36}$/i.test(userId) || !isEmailType(type)) return null;
  return { userId, type };
}
