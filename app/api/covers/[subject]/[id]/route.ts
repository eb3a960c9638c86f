import { z } from "zod";
import { removeCover, setCover } from "@/db/mutations/uploads";
import { actionResponse } from "@/server/api/organizing";
import { apiRoute } from "@/server/api/route";
import { coverAltSchema } from "@/lib/validation/uploads";
import { words } from "@/lib/i18n/said";

export const dynamic = "force-dynamic";

const params = z.object({
  subject: z.enum(["activities", "groups", "projects"], words("errors.routes.covers.subject")).describe("What the cover is for: `activities`, `groups` or `projects`."),
  id: z.uuid(words("errors.routes.covers.nothing")).describe("The activity's, group's or project's id."),
});

const picture = z.object({
  id: z.uuid().describe("The picture's id."),
  alt: z.string().describe("What the picture shows, for people who cannot see it."),
  width: z.int(),
  height: z.int(),
  urls: z.array(z.object({ width: z.int(), url: z.string() })).describe("The picture at each width, WebP without any metadata."),
});

const urlsOf = (id: string, widths: number[]) => widths.map((width) => ({ width, url: `/uploads/${id}/${width}.webp` }));

/** PUT /api/covers/:subject/:id?alt=… — organizers set the cover of an activity, a group or a project. */
export const PUT = apiRoute({
  summary: "Set a cover picture",
  description:
    "Organizers of the group only. The body is the picture itself (JPEG, PNG or WebP, at most 10 MB); `alt` says what it shows. The picture is re-encoded as WebP at a few widths, and everything else in the file (EXIF, GPS position, camera, comments) is dropped. Replaces any cover before it.",
  caller: "member",
  params,
  query: z.object({ alt: coverAltSchema }),
  picture: true,
  responses: { 200: picture },
  errors: [404],
  handler: async ({ caller, params, query, picture: bytes }) =>
    actionResponse(await setCover(caller, params.subject, params.id, bytes, query.alt), (p) => ({ id: p.id, alt: p.alt, width: p.width, height: p.height, urls: urlsOf(p.id, p.widths) })),
});

/** DELETE /api/covers/:subject/:id — organizers take the cover off. */
export const DELETE = apiRoute({
  summary: "Remove a cover picture",
  description: "Organizers of the group only. Its files are deleted. Removing a cover that is not there changes nothing.",
  caller: "member",
  params,
  responses: { 200: z.object({ removed: z.boolean() }) },
  errors: [404],
  handler: async ({ caller, params }) => actionResponse(await removeCover(caller, params.subject, params.id), (d) => d),
});
