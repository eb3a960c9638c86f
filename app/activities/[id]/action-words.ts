import "server-only";
import { requestWords } from "@/server/request-locale";

/**
 * The translator for an action's answer, in the language of the page it was sent from (the
 * member's setting, the language cookie, Accept-Language); English outside a request.
 */
export const actionWords = requestWords;
