/*
 * The kinds of email the hub sends. Each has one template (lib/email/templates.ts). Members
 * choose per kind on their account page; in-app notices are always on. Kinds that are not
 * `optional` (a password reset the member asked for) are always sent. What a person reads about
 * a kind is in the catalogs, in their language: email.types.<kind> (messages/<locale>/email.json)
 * on the account page, links.unsubscribe.kinds.<kind> on the unsubscribe page and in its answer.
 */

export const EMAIL_TYPES = {
  waitlist_promoted: { optional: true, defaultOn: true },
  activity_changed: { optional: true, defaultOn: true },
  activity_cancelled: { optional: true, defaultOn: true },
  organizer_message: { optional: true, defaultOn: true },
  question_asked: { optional: true, defaultOn: true },
  question_answered: { optional: true, defaultOn: true },
  reminder: { optional: true, defaultOn: true },
  password_reset: { optional: false, defaultOn: true },
  password_changed: { optional: false, defaultOn: true },
  // Guests (an RSVP by first name and email, no account) have no preferences: each email is about
  // the one RSVP they made, and each carries its private manage link.
  guest_confirm: { optional: false, defaultOn: true },
  guest_notice: { optional: false, defaultOn: true },
  email_verification: { optional: false, defaultOn: true },
  sign_in_link: { optional: false, defaultOn: true },
} as const satisfies Record<string, { optional: boolean; defaultOn: boolean }>;

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
