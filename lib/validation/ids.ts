import { z } from "zod";
import "./messages";
import { say } from "@/lib/i18n/said";

/*
 * Ids that reach a server action as bound arguments come back from the browser and can be
 * altered, so they are checked like any other input before they reach a query: a value
 * that is not an id is "not found", never a database error.
 */

export const recordIdSchema = z.uuid();

/** True when every value is a well-formed record id. */
export function areRecordIds(...values: unknown[]): boolean {
  return values.every((v) => recordIdSchema.safeParse(v).success);
}

/** "We couldn't find that. It may have been removed." */
export const notFoundMessage = () => say("errors.action.notFound");
