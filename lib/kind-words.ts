/*
 * The kind-words prompt. A comment that opens by pointing at someone ("you always…",
 * "you never…", "you people…", "why do you always…"; in Spanish "tú siempre…", "nunca
 * haces…", "ustedes siempre…", "¿por qué siempre…") tends to start an argument, however
 * fair the point. Before it is posted, the writer is offered an "I"-statement shape for the
 * same point. It is only ever a suggestion: "post as it is" always works, and the API posts
 * straight away. The words of the suggestion are in the catalogs
 * (client-groups.comments.kindWords), in the reader's language.
 */

// \b only knows ASCII letters, so the Spanish openings end at anything that is not a letter.
const END = "(?![\\p{L}])";

const OPENINGS: RegExp[] = [
  /^why\s+do\s+you\s+(always|never)\b/i,
  /^you\s+(always|never)\b/i,
  /^you\s+people\b/i,
  new RegExp(`^por\\s+qu[ée]\\s+(t[úu]\\s+)?(siempre|nunca)${END}`, "iu"),
  new RegExp(`^t[úu]\\s+(siempre|nunca)${END}`, "iu"),
  new RegExp(`^(siempre|nunca)\\s+haces${END}`, "iu"),
  new RegExp(`^ustedes\\s+(siempre|nunca)${END}`, "iu"),
];

/** Leading quotes, Markdown markers and punctuation (Spanish ¿ and ¡ too) don't change how a comment opens. */
function opening(body: string): string {
  return body
    .replace(/^[\s>*_~#`"'“‘«(\-–—!¡?¿.,:;]+/u, "")
    .replace(/\s+/g, " ")
    .replace(/[’]/g, "'");
}

/** The accusing opening a comment starts with, in its own words ("You never"), or null. */
export function accusingOpening(body: string): string | null {
  const text = opening(body);
  for (const pattern of OPENINGS) {
    const m = pattern.exec(text);
    if (m) return m[0];
  }
  return null;
}
