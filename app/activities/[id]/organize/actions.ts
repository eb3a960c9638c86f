"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { markAllGoingAttended, markAttendance } from "@/db/mutations/attendance";
import { pairWithGreeter } from "@/db/mutations/go-together";
import { type ActionResult, fail } from "@/lib/action-result";
import { defineAction } from "@/server/action";
import { requestWords } from "@/server/request-locale";
import { attendanceFormSchema, pairGreeterSchema } from "@/lib/validation/rsvp";
import { say } from "@/lib/i18n/said";

export type OrganizeActionState = ActionResult<{ message: string }> | null;

const activityIdSchema = z.uuid();

type Failure = { ok: false; code: string; message: string };

function failed(result: Failure): OrganizeActionState {
  const code = result.code === "not_found" ? "not_found" : result.code === "forbidden" ? "forbidden" : result.code === "invalid" ? "invalid_input" : "closed";
  return fail(code, result.message);
}

/** Each action names its activity in the form; the mutation checks the viewer organizes it. */
const activity = { find: { activityId: activityIdSchema }, missing: () => say("errors.action.activityMissing"), member: true } as const;

function done(activityId: string, message: string): OrganizeActionState {
  revalidatePath(`/activities/${activityId}/organize`);
  revalidatePath(`/activities/${activityId}`);
  return { ok: true, data: { message } };
}

/** Marks one member attended or a no-show. */
export const markAttendanceAction = defineAction({
  ...activity,
  read: (form) => ({ userId: form.get("userId"), attendance: form.get("attendance") }),
  input: attendanceFormSchema,
  run: async (marked, viewer, { activityId }): Promise<OrganizeActionState> => {
    const result = await markAttendance({ activityId, actorId: viewer.id, ...marked });
    if (!result.ok) return failed(result);
    const t = await requestWords("organize.done");
    return done(activityId, t(marked.attendance === "attended" ? "markedAttended" : "markedNoShow"));
  },
});

/** Marks everyone going (and not yet marked) as attended. */
export const markAllAttendedAction = defineAction({
  ...activity,
  run: async (_input, viewer, { activityId }): Promise<OrganizeActionState> => {
    const result = await markAllGoingAttended({ activityId, actorId: viewer.id });
    if (!result.ok) return failed(result);
    const t = await requestWords("organize.done");
    return done(activityId, t("markedAll", { count: result.marked }));
  },
});

/** Pairs a member who'd rather not arrive alone with a greeter; both are told where and when. */
export const pairGreeterAction = defineAction({
  ...activity,
  read: (form) => ({ memberId: form.get("memberId"), greeterId: form.get("greeterId") }),
  input: pairGreeterSchema,
  run: async (pair, viewer, { activityId }): Promise<OrganizeActionState> => {
    const result = await pairWithGreeter({ activityId, actorId: viewer.id, ...pair });
    if (!result.ok) return failed(result);
    const t = await requestWords("organize.done");
    return done(activityId, t("paired", { member: result.memberName, greeter: result.greeterName }));
  },
});
