import { z } from "zod";
import { removePhoto, setPhoto } from "@/db/mutations/uploads";
import { actionResponse } from "@/server/api/organizing";
import { apiRoute } from "@/server/api/route";

export const dynamic = "force-dynamic";

/** PUT /api/me/photo — the caller's own photo, shown beside their name (initials otherwise). */
export const PUT = apiRoute({
  summary: "Set my photo",
  description:
    "The body is the picture itself (JPEG, PNG or WebP, at most 10 MB). It is re-encoded as WebP, small, with everything else in the file (EXIF, GPS position, camera) dropped, and replaces any photo before it.",
  caller: "member",
  picture: true,
  responses: { 200: z.object({ id: z.uuid(), urls: z.array(z.object({ width: z.int(), url: z.string() })) }) },
  handler: async ({ caller, picture }) =>
    actionResponse(await setPhoto(caller, picture), (p) => ({ id: p.id, urls: p.widths.map((width) => ({ width, url: `/uploads/${p.id}/${width}.webp` })) })),
});

/** DELETE /api/me/photo — back to initials. */
export const DELETE = apiRoute({
  summary: "Remove my photo",
  description: "Its files are deleted; your initials are shown instead.",
  caller: "member",
  responses: { 200: z.object({ removed: z.boolean() }) },
  handler: async ({ caller }) => actionResponse(await removePhoto(caller), (d) => d),
});
