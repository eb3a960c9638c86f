import "server-only";
import { type CrisisLines, DEFAULT_CRISIS_LINES } from "./crisis-lines";
import { env } from "./env";

/*
 * The help page's text is configuration: each community sets its own crisis lines
 * (CRISIS_LINES). The default suits the demo town, in the UK.
 */
const DEFAULT_INTRO =
  "Common Thread is a place to find things to do with other people. It is not a crisis service, and nobody here is on call. If you are struggling, these people are, and they want to hear from you.";

export function helpContent(): { intro: string; crisisLines: CrisisLines } {
  return { intro: env().HELP_INTRO ?? DEFAULT_INTRO, crisisLines: env().CRISIS_LINES ?? DEFAULT_CRISIS_LINES };
}
