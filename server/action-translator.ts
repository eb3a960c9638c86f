import "server-only";
import { requestWords } from "./request-locale";

/** A translator for an action's messages, in the request's language: `(await actionTranslator("organize.done"))("attended")`. */
export const actionTranslator = requestWords;
