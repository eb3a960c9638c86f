import "server-only";
import { type CrisisLines, DEFAULT_CRISIS_LINES } from "./crisis-lines";
import { env } from "./env";

/*
 * The help page's text is configuration: each community sets its own crisis lines
 * (CRISIS_LINES). The default suits the demo town, in the UK. Without HELP_INTRO the intro
 * is the "help" catalog's, in the page's language (`intro` is then undefined).
 */
export function helpContent(): { intro: string | undefined; crisisLines: CrisisLines } {
  return { intro: env().HELP_INTRO, crisisLines: env().CRISIS_LINES ?? DEFAULT_CRISIS_LINES };
}
