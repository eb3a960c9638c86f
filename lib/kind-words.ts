/*
 * The kind-words prompt. A comment that opens by pointing at someone ("you always…",
 * "you never…", "you people…", "why do you always…") tends to start an argument, however
 * fair the point. Before it is posted, the writer is offered an "I"-statement shape for the
 * same point. It is only ever a suggestion: "post as it is" always works, and the API posts
 * straight away.
 */

const OPENINGS: { pattern: RegExp; phrase: string }[] = [
  { pattern: /^why\s+do\s+you\s+(always|never)\b/i, phrase: "why do you always" },
  { pattern: /^you\s+(always|never)\b/i, phrase: "you always" },
  { pattern: /^you\s+people\b/i, phrase: "you people" },
];

/** Leading quotes, Markdown markers and punctuation don't change how a comment opens. */
function opening(body: string): string {
  return body
    .replace(/^[\s>*_~#`"'“‘(\-–—!.,:;]+/u, "")
    .replace(/\s+/g, " ")
    .replace(/[’]/g, "'");
}

/** The accusing opening a comment starts with, in its own words ("You never"), or null. */
export function accusingOpening(body: string): string | null {
  const text = opening(body);
  for (const { pattern } of OPENINGS) {
    const m = pattern.exec(text);
    if (m) return m[0];
  }
  return null;
}

export const KIND_WORDS_TITLE = "Would an “I” statement say it better?";

/** The gentle suggestion shown before posting, naming the opening found. */
export function kindWordsSuggestion(found: string): string {
  return `Starting with “${found}” can land as blame, even when the point is fair. People tend to hear the same point more easily as an “I” statement: “I feel … when … ; could we …?” For example: “I feel left out when plans change at the last minute; could we post changes a day ahead?” You can change your words, or post it as it is.`;
}
