import "server-only";
import { env } from "./env";

/*
 * The help page's text is configuration: each community sets its own crisis lines
 * (CRISIS_LINES, Markdown). The default suits the demo town, in the UK.
 */
const DEFAULT_CRISIS_LINES = `- **Emergency services:** call **999** (or **112**) if you or someone else is in danger right now.
- **Samaritans:** call **116 123**, free, any time, day or night — or email jo@samaritans.org.
- **Shout:** text **SHOUT** to **85258** for free, confidential support by text, 24/7.
- **NHS 111:** call **111** for urgent medical help that isn't an emergency, including mental health.
- **FRANK:** call **0300 123 6600** for honest information and advice about drugs, any time.`;

const DEFAULT_INTRO =
  "Common Thread is a place to find things to do with other people. It is not a crisis service, and nobody here is on call. If you are struggling, these people are, and they want to hear from you.";

export function helpContent(): { intro: string; crisisLines: string } {
  return { intro: env().HELP_INTRO ?? DEFAULT_INTRO, crisisLines: env().CRISIS_LINES ?? DEFAULT_CRISIS_LINES };
}
