/*
 * The enum values, and their English words for the API documentation and data exports. Pages,
 * emails and notifications show them from the catalogs instead, in the reader's language:
 * messages/<locale>/labels.json, `t(\`kind.${kind}\`)` with the "labels" namespace.
 */
export const kinds = ["volunteer", "walk", "hobby"] as const;
export const energyLevels = ["low", "medium", "high"] as const;
export const talkLevels = ["quiet", "some_chat", "conversation"] as const;
export const accessibilityFacts = ["step_free", "seating", "quiet_space"] as const;

export type Kind = (typeof kinds)[number];
export type EnergyLevel = (typeof energyLevels)[number];
export type TalkLevel = (typeof talkLevels)[number];
export type AccessibilityFact = (typeof accessibilityFacts)[number];

export const kindLabel: Record<Kind, string> = {
  volunteer: "Volunteer project",
  walk: "Group walk",
  hobby: "Hobby meetup",
};

export const energyLabel: Record<EnergyLevel, string> = {
  low: "Low energy",
  medium: "Medium energy",
  high: "High energy",
};

export const talkLabel: Record<TalkLevel, string> = {
  quiet: "Quiet",
  some_chat: "Some chat",
  conversation: "Conversation-led",
};

export const accessibilityLabel: Record<AccessibilityFact, string> = {
  step_free: "Step-free access",
  seating: "Seating available",
  quiet_space: "Quiet space",
};
