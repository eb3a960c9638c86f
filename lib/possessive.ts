/**
 * A name's possessive: "Robin's", but "Riverside Gardeners'" and "Jess'" — a name ending in s
 * takes the apostrophe alone. Names are as members wrote them, so stray spaces are dropped.
 */
export function possessive(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return trimmed;
  if (/['’]$/.test(trimmed)) return trimmed;
  return /s$/i.test(trimmed) ? `${trimmed}'` : `${trimmed}'s`;
}
