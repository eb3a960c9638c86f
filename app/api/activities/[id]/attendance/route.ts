import { NextResponse } from "next/server";
import { z } from "zod";
import { markAllGoingAttended, markAttendance, type AttendanceResult } from "@/db/mutations/attendance";
import { apiError } from "@/server/api/http";
import { activityParams } from "@/server/api/params";
import { apiRoute } from "@/server/api/route";
import { attendanceBodySchema, attendanceValues } from "@/lib/validation/rsvp";

export const dynamic = "force-dynamic";

function failure(result: Exclude<AttendanceResult, { ok: true }>): Response {
  if (result.code === "not_found" || result.code === "no_rsvp") return apiError("not_found", result.message);
  if (result.code === "forbidden") return apiError("forbidden", result.message);
  return apiError("closed", result.message);
}

/** POST /api/activities/:id/attendance — organizers of the activity's group only, once it has started. */
export const POST = apiRoute({
  summary: "Mark attendance",
  description: 'Organizers of the activity\'s group, from its start: one member (`{"userId", "attendance": "attended" | "no_show"}`), or everyone going who was not marked yet (`{"allGoing": true}`).',
  caller: "member",
  params: activityParams,
  body: attendanceBodySchema,
  responses: {
    200: z.union([z.object({ attendance: z.object({ userId: z.uuid(), attendance: z.enum(attendanceValues) }) }), z.object({ marked: z.int().describe("How many were marked.") })]),
  },
  errors: [403, 404, 409],
  async handler({ caller, params, body }) {
    if (body.allGoing) {
      const result = await markAllGoingAttended({ activityId: params.id, actorId: caller.id });
      return result.ok ? NextResponse.json({ marked: result.marked }) : failure(result);
    }
    const result = await markAttendance({ activityId: params.id, actorId: caller.id, userId: body.userId!, attendance: body.attendance! });
    return result.ok ? NextResponse.json({ attendance: { userId: body.userId, attendance: body.attendance } }) : failure(result);
  },
});
