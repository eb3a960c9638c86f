"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { markAllGoingAttended, markAttendance } from "@/db/mutations/attendance";
import { pairWithGreeter } from "@/db/mutations/go-together";
import { messageEveryoneGoing } from "@/db/mutations/notifications";
import { type ActionResult, fail, invalid, isFormData, unreadableForm } from "@/lib/action-result";
import { getViewer } from "@/server/auth/session";
import { attendanceFormSchema, messageGoingSchema, pairGreeterSchema } from "@/lib/validation/rsvp";

export type OrganizeActionState = ActionResult<{ message: string }> | null;

const activityIdSchema = z.uuid();

type Failure = { ok: false; code: string; message: string };

function failed(result: Failure): OrganizeActionState {
  const code = result.code === "not_found" ? "not_found" : result.code === "forbidden" ? "forbidden" : result.code === "invalid" ? "invalid_input" : "closed";
  return fail(code, result.message);
}

async function begin(formData: FormData): Promise<{ ok: true; activityId: string; actorId: string } | { ok: false; state: OrganizeActionState }> {
  const id = activityIdSchema.safeParse(formData.get("activityId"));
  if (!id.success) return { ok: false, state: fail("not_found", "We couldn't find that activity.") };
  const viewer = await getViewer();
  if (!viewer) return { ok: false, state: fail("unauthenticated", "Please sign in first.") };
  return { ok: true, activityId: id.data, actorId: viewer.id };
}

function done(activityId: string, message: string): OrganizeActionState {
  revalidatePath(`/activities/${activityId}/organize`);
  revalidatePath(`/activities/${activityId}`);
  return { ok: true, data: { message } };
}

/** Marks one member attended or a no-show. */
export async function markAttendanceAction(_prev: OrganizeActionState, formData: FormData): Promise<OrganizeActionState> {
  if (!isFormData(formData)) return unreadableForm();
  const parsed = attendanceFormSchema.safeParse({ userId: formData.get("userId"), attendance: formData.get("attendance") });
  if (!parsed.success) return invalid(parsed.error);
  const ctx = await begin(formData);
  if (!ctx.ok) return ctx.state;
  const result = await markAttendance({ activityId: ctx.activityId, actorId: ctx.actorId, ...parsed.data });
  if (!result.ok) return failed(result);
  return done(ctx.activityId, parsed.data.attendance === "attended" ? "Marked as attended." : "Marked as a no-show.");
}

/** Marks everyone going (and not yet marked) as attended. */
export async function markAllAttendedAction(_prev: OrganizeActionState, formData: FormData): Promise<OrganizeActionState> {
  if (!isFormData(formData)) return unreadableForm();
  const ctx = await begin(formData);
  if (!ctx.ok) return ctx.state;
  const result = await markAllGoingAttended({ activityId: ctx.activityId, actorId: ctx.actorId });
  if (!result.ok) return failed(result);
  return done(ctx.activityId, result.marked === 1 ? "Marked 1 person as attended." : `Marked ${result.marked} people as attended.`);
}

/** Pairs a member who'd rather not arrive alone with a greeter; both are told where and when. */
export async function pairGreeterAction(_prev: OrganizeActionState, formData: FormData): Promise<OrganizeActionState> {
  if (!isFormData(formData)) return unreadableForm();
  const parsed = pairGreeterSchema.safeParse({ memberId: formData.get("memberId"), greeterId: formData.get("greeterId") });
  if (!parsed.success) return invalid(parsed.error);
  const ctx = await begin(formData);
  if (!ctx.ok) return ctx.state;
  const result = await pairWithGreeter({ activityId: ctx.activityId, actorId: ctx.actorId, ...parsed.data });
  if (!result.ok) return failed(result);
  return done(ctx.activityId, `Paired ${result.memberName} with ${result.greeterName}. We've told them both where and when to meet.`);
}

/** Sends an in-app message to everyone going. */
export async function messageGoingAction(_prev: OrganizeActionState, formData: FormData): Promise<OrganizeActionState> {
  if (!isFormData(formData)) return unreadableForm();
  const parsed = messageGoingSchema.safeParse({ message: formData.get("message") });
  if (!parsed.success) return invalid(parsed.error);
  const ctx = await begin(formData);
  if (!ctx.ok) return ctx.state;
  const result = await messageEveryoneGoing({ activityId: ctx.activityId, actorId: ctx.actorId, message: parsed.data.message });
  if (!result.ok) return failed(result);
  return done(ctx.activityId, result.sent === 1 ? "Sent to the 1 person going." : `Sent to the ${result.sent} people going.`);
}
