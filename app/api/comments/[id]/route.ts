import { z } from "zod";
import { editComment, removeComment } from "@/db/mutations/comments";
import { resolveApiCaller } from "@/server/api/auth";
import { apiError, apiZodError, guarded, readJson } from "@/server/api/http";
import { actionResponse, unauthenticated } from "@/server/api/organizing";
import { commentBodyJsonSchema } from "@/lib/validation/comment";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

const noSuchComment = () => apiError("not_found", "There is no comment with that id.");

/**
 * DELETE /api/comments/:id — the author deletes their comment ({"outcome":"deleted"}); an
 * organizer of the group hides anyone's, which then shows as removed by an organizer
 * ({"outcome":"removed"}).
 */
export async function DELETE(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const caller = await resolveApiCaller(request);
    if (!caller) return unauthenticated();
    const id = z.uuid().safeParse((await params).id);
    if (!id.success) return noSuchComment();
    const result = await removeComment(caller, id.data);
    if (!result.ok && result.code === "not_found") return noSuchComment();
    return actionResponse(result, (d) => ({ comment: { id: id.data }, outcome: d.outcome }));
  });
}

/** PATCH /api/comments/:id {"body": "…"} — the author changes their words within 15 minutes of posting. */
export async function PATCH(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const caller = await resolveApiCaller(request);
    if (!caller) return unauthenticated();
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = commentBodyJsonSchema.safeParse(body.value);
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    const id = z.uuid().safeParse((await params).id);
    if (!id.success) return noSuchComment();
    const result = await editComment(caller, id.data, parsed.data.body);
    if (!result.ok && result.code === "not_found") return noSuchComment();
    return actionResponse(result, (d) => ({ comment: { id: d.id, body: parsed.data.body } }));
  });
}
