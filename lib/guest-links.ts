import "server-only";
import crypto from "node:crypto";
import { authSecret } from "./env";

/*
 * The links in a guest's emails: `<base64url(id:nonce)>.<HMAC-SHA256>`, signed with a key derived
 * from AUTH_SECRET for one purpose only, so a confirmation link cannot be used as a manage link
 * or the other way round. The nonce is the guest RSVP's own (guest_rsvps.token_nonce): a new
 * request for the same email and activity gives a new nonce, which ends the old links, and a
 * deleted RSVP leaves nothing for a link to name.
 */

export type GuestLinkPurpose = "confirm" | "manage";

const key = (purpose: GuestLinkPurpose) => crypto.createHmac("sha256", authSecret()).update(`guest-rsvp-${purpose}-v1`).digest();
const sign = (purpose: GuestLinkPurpose, payload: string) => crypto.createHmac("sha256", key(purpose)).update(payload).digest("base64url");

export function guestLinkToken(purpose: GuestLinkPurpose, id: string, nonce: string): string {
  const payload = Buffer.from(`${id}:${nonce}`).toString("base64url");
  return `${payload}.${sign(purpose, payload)}`;
}

/** The guest RSVP a token names for this purpose, or null for anything this site did not sign for it. */
export function readGuestLinkToken(purpose: GuestLinkPurpose, token: string): { id: string; nonce: string } | null {
  if (typeof token !== "string" || token.length > 200) return null;
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(purpose, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  const [id, nonce, more] = Buffer.from(payload, "base64url").toString("utf8").split(":");
  if (!id || !nonce || more !== undefined || !/^[0-9a-f-]{36}$/i.test(id) || !/^[0-9a-f]{32}$/.test(nonce)) return null;
  return { id, nonce };
}

/** The pages the links open. */
export const guestConfirmPath = (token: string) => `/guest/confirm/${token}`;
export const guestManagePath = (token: string) => `/guest/manage/${token}`;

/** People take a few seconds to type a name and an email; simple bots post at once. */
export const MIN_FILL_MS = 3_000;

const formKey = () => crypto.createHmac("sha256", authSecret()).update("guest-rsvp-form-v1").digest();
const signForm = (ms: string) => crypto.createHmac("sha256", formKey()).update(ms).digest("base64url");

/** The signed moment a guest RSVP form was shown, for its hidden field. */
export function formShownToken(now = Date.now()): string {
  return `${now}.${signForm(String(now))}`;
}

/** Whether a form was shown (by this site) at least MIN_FILL_MS before it was posted. */
export function filledInTime(token: string, now = Date.now()): boolean {
  const [ms, signature, extra] = (token ?? "").split(".");
  if (!ms || !signature || extra !== undefined || !/^\d{10,16}$/.test(ms)) return false;
  const expected = Buffer.from(signForm(ms));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return false;
  return now - Number(ms) >= MIN_FILL_MS;
}
