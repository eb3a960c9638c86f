/*
 * The kinds of notice a member can have pushed to a device, each turned on or off per device
 * on /account/push. Only these few reach a phone's lock screen: the rest stay in the hub (and
 * in email, as the member's email choices say).
 */

export const PUSH_KINDS = ["reminder", "waitlist", "checkin", "organizer_message", "answer"] as const;
export type PushKind = (typeof PUSH_KINDS)[number];

/** The notice types each kind covers (the `type` of db/mutations/notifications.ts). */
const NOTICE_TYPES: Record<PushKind, readonly string[]> = {
  reminder: ["reminder"],
  waitlist: ["waitlist_promoted"],
  // A check-in partner's gentle nudge when a period passed without one.
  checkin: ["partner_nudge"],
  organizer_message: ["organizer_message"],
  answer: ["question_answered"],
};

const byNoticeType = new Map<string, PushKind>(PUSH_KINDS.flatMap((kind) => NOTICE_TYPES[kind].map((type) => [type, kind] as const)));

/** The push kind a notice belongs to, or null when notices of its type are never pushed. */
export function pushKindForNotice(type: string): PushKind | null {
  return byNoticeType.get(type) ?? null;
}

export function isPushKind(value: unknown): value is PushKind {
  return typeof value === "string" && (PUSH_KINDS as readonly string[]).includes(value);
}
