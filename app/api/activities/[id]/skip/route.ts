import { z } from "zod";
import { skipOccurrence } from "@/db/mutations/standing-places";
import { resolveApiCaller } from "@/server/api/auth";
import { apiError, guarded } from "@/server/api/http";
import { actionResponse, unauthenticated } from "@/server/api/organizing";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** POST /api/activities/:id/skip — gives up the caller's place on this occurrence; the waitlist moves up (`passedOn` says whether anyone was waiting). */
export async function POST(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const id = z.uuid().safeParse((await params).id);
    if (!id.success) return apiError("not_found", "There is no activity with that id.");
    const caller = await resolveApiCaller(request);
    if (caller === null) return unauthenticated();
    const result = await skipOccurrence(caller, id.data);
    return actionResponse(result, (d) => ({ skipped: true, freedPlace: d.freedPlace, passedOn: d.passedOn }));
  });
}
