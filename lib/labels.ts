/*
 * The product's words for each enum value, in one place so pages, filters, emails and
 * the API documentation say the same thing.
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
