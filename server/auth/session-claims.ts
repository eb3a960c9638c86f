import "server-only";
import crypto from "node:crypto";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { authSecret } from "@/lib/env";

/*
 * What a session cookie says (whose it is, and the session version it carries), decrypted once
 * and then kept in memory for a minute under a hash of the cookie, so a member's requests stop
 * paying to decrypt the same cookie again and again. What is kept is only what the cookie itself
 * says: every request still checks the version against the member's row (server/auth/session.ts),
 * so signing out everywhere, a password change or a suspension refuses the cookie at once, kept
 * or not. A cookie that does not decrypt is never kept; nor is one past its expiry.
 */

// next-auth names the cookie by the scheme (the secure prefix over HTTPS) and salts its key with that name.
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];
const KEPT_MS = 60_000;
const MAX_KEPT = 5_000;

export interface SessionClaims {
  /** The member's id. */
  sub: string;
  /** The session version the cookie was issued with. */
  sv: number;
  /** When the cookie's token expires, in ms. */
  expiresAt: number;
}

interface Kept {
  claims: SessionClaims;
  until: number;
}

// On globalThis: Next loads pages and route handlers as separate module instances.
const state = globalThis as unknown as { __ctSessionClaims?: Map<string, Kept> };
const kept = (state.__ctSessionClaims ??= new Map());

/**
 * The request's session cookie, read: its claims; null when it has one that is not a valid,
 * unexpired session token; undefined when it carries no single session cookie (none, or one
 * split into chunks), for next-auth to judge.
 */
export async function readSessionClaims(now = Date.now()): Promise<SessionClaims | null | undefined> {
  const jar = await cookies();
  const name = SESSION_COOKIES.find((n) => jar.get(n)?.value);
  if (!name) return undefined;
  return claimsOfCookie(name, jar.get(name)!.value, now);
}

/**
 * The claims of the session cookie in a raw Cookie header (the page cache reads it before Next
 * does): null when it names no member (no session cookie, or one that is not valid); undefined
 * when its session cookie is split into chunks, which only next-auth reads.
 */
export async function claimsOfCookieHeader(header: string, now = Date.now()): Promise<SessionClaims | null | undefined> {
  const pairs = header.split(";").map((part) => {
    const at = part.indexOf("=");
    return at < 0 ? [part.trim(), ""] : [part.slice(0, at).trim(), part.slice(at + 1).trim()];
  });
  const found = SESSION_COOKIES.map((n) => pairs.find(([name, value]) => name === n && value)).find(Boolean);
  if (!found) return pairs.some(([name]) => name.includes("authjs.session-token")) ? undefined : null;
  return claimsOfCookie(found[0], found[1], now);
}

/** A session cookie's claims, decrypted once and then kept; null when it is not a valid, unexpired session token. */
export async function claimsOfCookie(name: string, value: string, now = Date.now()): Promise<SessionClaims | null> {
  const key = crypto.createHash("sha256").update(name).update("\0").update(value).digest("base64url");
  const hit = kept.get(key);
  if (hit && hit.until > now && hit.claims.expiresAt > now) return hit.claims;
  if (hit) kept.delete(key);
  const claims = await decrypt(value, name);
  if (!claims || claims.expiresAt <= now) return null;
  if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(key, { claims, until: Math.min(now + KEPT_MS, claims.expiresAt) });
  return claims;
}

async function decrypt(token: string, salt: string): Promise<SessionClaims | null> {
  try {
    const payload = await decode({ token, secret: authSecret(), salt });
    if (!payload || typeof payload.sub !== "string" || typeof payload.sv !== "number" || typeof payload.exp !== "number") return null;
    return { sub: payload.sub, sv: payload.sv, expiresAt: payload.exp * 1000 };
  } catch {
    return null;
  }
}

/** How many decrypted cookies are kept (for tests). */
export function keptSessionCount(): number {
  return kept.size;
}
