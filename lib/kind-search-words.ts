import type { Kind } from "./labels";

/*
 * The words people use for each kind of activity, so a search for "walk" finds a "Lunchtime
 * stroll" that is a group walk even when its title never says "walk". They are part of each
 * activity's search words (the generated `activities.search` column, weight D: a title that
 * says the word still counts for more). The column is computed by PostgreSQL from this list as
 * it was when the migration ran: changing a word here needs a migration (`npm run db:generate`).
 */
export const kindSearchWords: Record<Kind, readonly string[]> = {
  walk: ["walk", "stroll", "ramble", "hike", "wander", "trek"],
  volunteer: ["volunteer", "volunteering", "help", "helping", "voluntary"],
  hobby: ["hobby", "hobbies", "meetup", "club", "pastime"],
};

/** The SQL text for the kind words of a row whose kind is in `column`; only the fixed words above go into it. */
export function kindSearchWordsSql(column: string): string {
  const branches = Object.entries(kindSearchWords).map(([kind, words]) => `WHEN '${kind}' THEN '${words.join(" ")}'`);
  return `CASE ${column} ${branches.join(" ")} ELSE '' END`;
}
