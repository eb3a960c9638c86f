import { env } from "@/lib/env";

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

/** "in a minute", "in 12 minutes": when to try again, in words. */
export function tryAgainIn(seconds: number): string {
  if (seconds < 60) return seconds <= 10 ? "in a few seconds" : "in a minute";
  const minutes = Math.ceil(seconds / 60);
  return minutes < 90 ? `in ${minutes} minutes` : `in about ${Math.round(minutes / 60)} hours`;
}

/** Which sign-in limit refused an attempt: this email from this address, this address, or the account's pace. */
export type SignInLimit = "pair" | "address" | "account";

/** What a refused sign-in is told, naming the limit that refused it (the form and the API say the same). */
export function signInLimitMessage(limit: SignInLimit, retryAfterSeconds: number): string {
  const when = tryAgainIn(retryAfterSeconds);
  if (limit === "address") return `There have been too many sign-ins with a wrong password from this address (your network), whatever the email. Please try again ${when}.`;
  if (limit === "account") return `This account has had a lot of wrong passwords lately, so it takes one try every ten seconds. Please try again ${when}.`;
  return `There have been too many sign-in attempts for this email from this address. Please take a breather and try again ${when}.`;
}

/** What a refused password-reset request is told: the limit for this email from here, or for this address. */
export function resetLimitMessage(limit: "pair" | "address", retryAfterSeconds: number): string {
  const which = limit === "pair" ? "for this email from this address" : "from this address";
  return `There have been a lot of reset requests ${which}. Please try again ${tryAgainIn(retryAfterSeconds)}.`;
}

/** What a refused guest RSVP is told: too many from this address, or for this email. */
export function guestLimitMessage(limit: "address" | "email", retryAfterSeconds: number): string {
  const which = limit === "address" ? "from this address (your network)" : "for this email";
  return `There have been a lot of guest RSVPs ${which} lately. Please try again ${tryAgainIn(retryAfterSeconds)}.`;
}

const doing: Record<MemberLimit, string> = {
  commentMember: "You've posted a lot of comments in a short time",
  rsvpMember: "You've changed your answers a lot in a short time",
  apiTokenMember: "You've made a lot of API tokens in the last hour",
  reportMember: "You've sent a lot of reports in the last hour",
  questionMember: "You've sent organizers a lot of messages in the last hour",
  verifyLinkMember: "We've sent you a few confirmation links in the last hour",
  messageMember: "You've sent a lot of messages to lists in the last hour",
};

/** What a refused sign-in link request is told, naming the limit that refused it. */
export function signInLinkLimitMessage(limit: "pair" | "email" | "address", retryAfterSeconds: number): string {
  const which = limit === "pair" ? "for this email from this address" : limit === "email" ? "for this email" : "from this address";
  return `There have been a lot of sign-in links asked for ${which}. Please try again ${tryAgainIn(retryAfterSeconds)}, or use your password.`;
}

/** The friendly sentence shown on pages and in the API when a member limit is reached. */
export function memberLimitMessage(rule: MemberLimit, retryAfterSeconds: number): string {
  return `${doing[rule]}. Please take a breather and try again ${tryAgainIn(retryAfterSeconds)}.`;
}
