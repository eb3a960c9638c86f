import { z } from "zod";
import { skipOccurrence } from "@/db/mutations/standing-places";
import { actionResponse } from "@/server/api/organizing";
import { activityParams } from "@/server/api/params";
import { apiRoute } from "@/server/api/route";

export const dynamic = "force-dynamic";

/** POST /api/activities/:id/skip — gives up the caller's place on this occurrence; the waitlist moves up. */
export const POST = apiRoute({
  summary: "Skip one occurrence",
  description: "Gives up the caller's place on this occurrence of a series they hold a standing place on; `passedOn` says whether someone waiting got it.",
  caller: "member",
  params: activityParams,
  responses: { 200: z.object({ skipped: z.literal(true), freedPlace: z.boolean(), passedOn: z.boolean() }) },
  errors: [404, 409],
  handler: async ({ caller, params }) => actionResponse(await skipOccurrence(caller, params.id), (d) => ({ skipped: true, freedPlace: d.freedPlace, passedOn: d.passedOn })),
});
