import { z } from "zod";
import { GROUP_SLUG } from "@/lib/validation/group";

/*
 * Path parameters. A value that could not name anything is answered as one that names nothing:
 * the failing check's message is the 404's (server/api/route.ts), and it never reaches a query.
 */

const idOf = (what: string, notFound: string) => z.object({ id: z.uuid({ error: notFound }).describe(`The ${what}'s id.`) });

export const activityParams = idOf("activity", "There is no activity with that id.");
export const projectParams = idOf("project", "There is no project with that id.");
export const taskParams = idOf("task", "There is no task with that id.");
export const commentParams = idOf("comment", "There is no comment with that id.");
export const seriesParams = idOf("series", "There is no series with that id.");
export const partnershipParams = idOf("partnership", "We couldn't find that partnership.");
export const reflectionParams = idOf("activity", "Reflections are for activities you were marked as attending.");

export const groupParams = z.object({
  slug: z
    .string()
    .regex(GROUP_SLUG, { error: "There is no group with that slug." })
    .describe("The group's slug, as in its address: lowercase letters, digits and hyphens."),
});

export const slotParams = z.object({
  id: z.uuid({ error: "There is no activity with that id." }).describe("The activity's id."),
  slotId: z.uuid({ error: "There is no time slot with that id." }).describe("The time slot's id (from the activity's `slots`)."),
});
