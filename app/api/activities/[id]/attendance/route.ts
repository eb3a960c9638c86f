import { NextResponse } from "next/server";
import { z } from "zod";
import { markAllGoingAttended, markAttendance, type AttendanceResult } from "@/db/mutations/attendance";
import { resolveApiCaller } from "@/server/api/auth";
import { apiError, apiZodError, guarded, readJson } from "@/server/api/http";
import { attendanceBodySchema } from "@/lib/validation/rsvp";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

function failure(result: Exclude<AttendanceResult, { ok: true }>): Response {
  if (result.code === "not_found" || result.code === "no_rsvp") return apiError("not_found", result.message);
  if (result.code === "forbidden") return apiError("forbidden", result.message);
  return apiError("closed", result.message);
}

/**
 * POST /api/activities/:id/attendance — organizers of the activity's group only, once it
 * has started. Body: {"userId": "...", "attendance": "attended" | "no_show"} or {"allGoing": true}.
 */
export async function POST(request: Request, { params }: Ctx) {
  return guarded(async () => {
    const id = z.uuid().safeParse((await params).id);
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = attendanceBodySchema.safeParse(body.value);
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    const caller = await resolveApiCaller(request);
    if (!caller) return apiError("unauthenticated", "Sign in, or send a personal access token as 'Authorization: Bearer <token>'.");
    if (!id.success) return apiError("not_found", "There is no activity with that id.");
    const input = parsed.data;
    if (input.allGoing) {
      const result = await markAllGoingAttended({ activityId: id.data, actorId: caller.id });
      return result.ok ? NextResponse.json({ marked: result.marked }) : failure(result);
    }
    const result = await markAttendance({ activityId: id.data, actorId: caller.id, userId: input.userId!, attendance: input.attendance! });
    return result.ok ? NextResponse.json({ attendance: { userId: input.userId, attendance: input.attendance } }) : failure(result);
  });
}
