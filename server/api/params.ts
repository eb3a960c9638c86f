import { z } from "zod";
import { words } from "@/lib/i18n/said";
import { GROUP_SLUG } from "@/lib/validation/group";

/*
 * Path parameters. A value that could not name anything is answered as one that names nothing:
 * the failing check's message is the 404's (server/api/route.ts), and it never reaches a query.
 */

const idOf = (what: string, notFoundKey: string) => z.object({ id: z.uuid(words(notFoundKey)).describe(`The ${what}'s id.`) });

export const activityParams = idOf("activity", "errors.api.noActivity");
export const projectParams = idOf("project", "errors.api.noProject");
export const taskParams = idOf("task", "errors.api.noTask");
export const commentParams = idOf("comment", "errors.api.noComment");
export const seriesParams = idOf("series", "errors.api.noSeries");
export const partnershipParams = idOf("partnership", "errors.action.partnershipMissing");
export const reflectionParams = idOf("activity", "errors.api.reflectionsAttended");

export const groupParams = z.object({
  slug: z
    .string()
    .regex(GROUP_SLUG, words("errors.api.noGroup"))
    .describe("The group's slug, as in its address: lowercase letters, digits and hyphens."),
});

export const slotParams = z.object({
  id: z.uuid(words("errors.api.noActivity")).describe("The activity's id."),
  slotId: z.uuid(words("errors.api.noSlot")).describe("The time slot's id (from the activity's `slots`)."),
});
