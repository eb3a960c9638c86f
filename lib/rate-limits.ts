import { env } from "@/lib/env";
import { say } from "@/lib/i18n/said";

/*
 * Every rate limit of the hub, in one place. The counters live in the database
 * (db/mutations/rate-limits.ts), so a limit holds across restarts and across every
 * instance on one PostgreSQL. Addresses come from server/client-address.ts, which a made-up
 * X-Forwarded-For cannot fool.
 */

export interface RateLimit {
  /** How many attempts a window allows. */
  limit: number;
  windowMs: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const MINUTE = 60_000;

export const RATE_LIMITS = {
  /** Wrong passwords from one address for one account; the owner elsewhere is not affected. */
  signInPair: { limit: 10, windowMs: 15 * MINUTE },
  /** Failed sign-ins from one address, whatever the account (credential stuffing). */
  signInAddress: (): RateLimit => ({ limit: env().SIGN_IN_LIMIT_PER_ADDRESS, windowMs: 15 * MINUTE }),
  /** Failed sign-ins on one account from anywhere, after which it is slowed down… */
  signInAccount: { limit: 10, windowMs: 15 * MINUTE },
  /** …to one attempt every ten seconds: slower guessing, never a locked-out owner. */
  signInSlowed: { limit: 1, windowMs: 10_000 },
  signUpAddress: (): RateLimit => ({ limit: env().SIGN_UP_LIMIT_PER_HOUR, windowMs: 60 * MINUTE }),
  /** Reset requests for one email from one address: a stranger elsewhere cannot spend the owner's. */
  resetPair: { limit: 3, windowMs: 60 * MINUTE },
  /** Reset requests from one address, whatever the email. */
  resetAddress: { limit: 10, windowMs: 60 * MINUTE },
  /** Guest RSVPs (by first name and email) from one address, whatever the email. */
  guestAddress: { limit: 10, windowMs: 60 * MINUTE },
  /** Guest RSVPs for one email, from anywhere: each sends that address an email. */
  guestEmail: { limit: 5, windowMs: 60 * MINUTE },
  /** Sign-in links for one email from one address. */
  signInLinkPair: { limit: 3, windowMs: 15 * MINUTE },
  /** Sign-in links for one email from anywhere: nobody can flood a member's inbox with them. */
  signInLinkEmail: { limit: 5, windowMs: 60 * MINUTE },
  /** Sign-in links from one address, whatever the email. */
  signInLinkAddress: { limit: 10, windowMs: 60 * MINUTE },
  /** "Send the confirmation link again", per member. */
  verifyLinkMember: { limit: 3, windowMs: 60 * MINUTE },
  /** Confirmation links asked for again from one address (a link that expired, signed out). */
  verifyLinkAddress: { limit: 10, windowMs: 60 * MINUTE },
  commentMember: { limit: 20, windowMs: 10 * MINUTE },
  rsvpMember: { limit: 60, windowMs: 10 * MINUTE },
  apiTokenMember: { limit: 10, windowMs: 60 * MINUTE },
  reportMember: { limit: 20, windowMs: 60 * MINUTE },
  /** Questions to organizers and replies in those threads. */
  questionMember: { limit: 10, windowMs: 60 * MINUTE },
  /** An organizer's messages to a list (going, the waitlist, the whole group...): each reaches many people. */
  messageMember: { limit: 10, windowMs: 60 * MINUTE },
} as const;

export type MemberLimit = "commentMember" | "rsvpMember" | "apiTokenMember" | "reportMember" | "questionMember" | "verifyLinkMember" | "messageMember";

/** "in a minute", "in 12 minutes": when to try again, in words, in the language of the moment. */
export function tryAgainIn(seconds: number): string {
  if (seconds < 60) return seconds <= 10 ? say("errors.rateLimit.when.seconds") : say("errors.rateLimit.when.minute");
  const minutes = Math.ceil(seconds / 60);
  return minutes < 90 ? say("errors.rateLimit.when.minutes", { minutes: String(minutes) }) : say("errors.rateLimit.when.hours", { hours: String(Math.round(minutes / 60)) });
}

/** Which sign-in limit refused an attempt: this email from this address, this address, or the account's pace. */
export type SignInLimit = "pair" | "address" | "account";

/** What a refused sign-in is told, naming the limit that refused it (the form and the API say the same). */
export function signInLimitMessage(limit: SignInLimit, retryAfterSeconds: number): string {
  return say(`errors.rateLimit.signIn.${limit}`, { when: tryAgainIn(retryAfterSeconds) });
}

/** What a refused password-reset request is told: the limit for this email from here, or for this address. */
export function resetLimitMessage(limit: "pair" | "address", retryAfterSeconds: number): string {
  return say(`errors.rateLimit.reset.${limit}`, { when: tryAgainIn(retryAfterSeconds) });
}

/** What a refused guest RSVP is told: too many from this address, or for this email. */
export function guestLimitMessage(limit: "address" | "email", retryAfterSeconds: number): string {
  return say(`errors.rateLimit.guest.${limit}`, { when: tryAgainIn(retryAfterSeconds) });
}

/** What a refused sign-in link request is told, naming the limit that refused it. */
export function signInLinkLimitMessage(limit: "pair" | "email" | "address", retryAfterSeconds: number): string {
  return say(`errors.rateLimit.signInLink.${limit}`, { when: tryAgainIn(retryAfterSeconds) });
}

/** The friendly sentence shown on pages and in the API when a member limit is reached. */
export function memberLimitMessage(rule: MemberLimit, retryAfterSeconds: number): string {
  return say(`errors.rateLimit.member.${rule}`, { when: tryAgainIn(retryAfterSeconds) });
}
