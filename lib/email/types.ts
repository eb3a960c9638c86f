/*
 * The kinds of email the hub sends. Each has one template (lib/email/templates.ts). Members
 * choose per kind on their account page; in-app notices are always on. Kinds that are not
 * `optional` (a password reset the member asked for) are always sent. Each label is also in the
 * catalogs, as email.types.<kind> (messages/<locale>/email.json), for pages in other languages.
 */

export const EMAIL_TYPES = {
  waitlist_promoted: { label: "A place opened up for you (moved off a waitlist)", optional: true, defaultOn: true },
  activity_changed: { label: "An activity you're going to changed its time or place", optional: true, defaultOn: true },
  activity_cancelled: { label: "An activity you're going to was cancelled", optional: true, defaultOn: true },
  organizer_message: { label: "Messages from organizers of your groups and of activities you're part of", optional: true, defaultOn: true },
  question_asked: { label: "A member asked the organizers of a group you organize a question", optional: true, defaultOn: true },
  question_answered: { label: "A reply to a question you asked a group's organizers", optional: true, defaultOn: true },
  reminder: { label: "A reminder the day before an activity you're going to", optional: true, defaultOn: true },
  password_reset: { label: "Password reset links you ask for", optional: false, defaultOn: true },
  password_changed: { label: "Your password was changed", optional: false, defaultOn: true },
  // Guests (an RSVP by first name and email, no account) have no preferences: each email is about
  // the one RSVP they made, and each carries its private manage link.
  guest_confirm: { label: "The link that confirms a guest RSVP", optional: false, defaultOn: true },
  guest_notice: { label: "News about a guest RSVP (confirmed, a place opened, a reminder)", optional: false, defaultOn: true },
  email_verification: { label: "The link to confirm your email", optional: false, defaultOn: true },
  sign_in_link: { label: "Sign-in links you ask for", optional: false, defaultOn: true },
} as const satisfies Record<string, { label: string; optional: boolean; defaultOn: boolean }>;

export type EmailType = keyof typeof EMAIL_TYPES;

export const emailTypes = Object.keys(EMAIL_TYPES) as EmailType[];
export const optionalEmailTypes = emailTypes.filter((t) => EMAIL_TYPES[t].optional);

/**
 * The only kinds sent to an account whose email is not confirmed yet: the link that confirms it,
 * a sign-in link (which confirms it too) and a password reset the person asked for. Until the
 * address is shown to be theirs, nothing else goes to it, so a mistyped or borrowed address
 * does not fill a stranger's inbox.
 */
export const EMAIL_TYPES_BEFORE_CONFIRMATION: readonly EmailType[] = ["email_verification", "sign_in_link", "password_reset"];

export function isEmailType(value: string): value is EmailType {
  return Object.hasOwn(EMAIL_TYPES, value);
}

/** In-app notice types that are also emailed (the notice's own type names the email kind). */
export function emailTypeForNotice(noticeType: string): EmailType | null {
  return isEmailType(noticeType) && EMAIL_TYPES[noticeType].optional ? noticeType : null;
}
