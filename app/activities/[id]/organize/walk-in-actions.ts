"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { messageActivityList } from "@/db/mutations/messages";
import { recordMemberWalkIn, recordNamedWalkIn, removeWalkIn } from "@/db/mutations/walk-ins";
import { fail } from "@/lib/action-result";
import { defineAction } from "@/server/action";
import { requestWords } from "@/server/request-locale";
import { messageListFormSchema, removeWalkInFormSchema, walkInMemberFormSchema, walkInNameFormSchema } from "@/lib/validation/walk-ins";
import type { OrganizeActionState } from "./actions";
import { say } from "@/lib/i18n/said";

/*
 * Walk-ins and messages to a list, on the organizer view. Each action names its activity in the
 * form; the mutation checks, against the rows, that the viewer organizes its group.
 */

const activity = { find: { activityId: z.uuid() }, missing: () => say("errors.action.activityMissing"), member: true } as const;

function failed(result: { code: string; message: string }): OrganizeActionState {
  const code = result.code === "not_found" ? "not_found" : result.code === "forbidden" || result.code === "not_allowed" ? "forbidden" : result.code === "already" ? "conflict" : "closed";
  return fail(code, result.message);
}

function done(activityId: string, message: string): OrganizeActionState {
  revalidatePath(`/activities/${activityId}/organize`);
  revalidatePath(`/activities/${activityId}`);
  return { ok: true, data: { message } };
}

/** Records a member found by name as a walk-in: going and attended. */
export const recordMemberWalkInAction = defineAction({
  ...activity,
  read: (form) => ({ userId: form.get("userId") }),
  input: walkInMemberFormSchema,
  run: async ({ userId }, viewer, { activityId }): Promise<OrganizeActionState> => {
    const result = await recordMemberWalkIn({ activityId, actorId: viewer.id, userId });
    if (!result.ok) return failed(result);
    const t = await requestWords("organize.done");
    return done(activityId, t("walkInMember", { name: result.name }));
  },
});

/** Records someone without an account as a walk-in, by first name. */
export const recordNamedWalkInAction = defineAction({
  ...activity,
  read: (form) => ({ firstName: form.get("firstName") }),
  input: walkInNameFormSchema,
  keep: (raw) => ({ values: { firstName: typeof raw.firstName === "string" ? raw.firstName : "" } }),
  run: async ({ firstName }, viewer, { activityId }): Promise<OrganizeActionState> => {
    const result = await recordNamedWalkIn({ activityId, actorId: viewer.id, firstName });
    if (!result.ok) return failed(result);
    const t = await requestWords("organize.done");
    return done(activityId, t("walkInNamed", { name: result.name }));
  },
});

/** Removes a walk-in recorded by mistake. */
export const removeWalkInAction = defineAction({
  ...activity,
  read: (form) => ({ userId: form.get("userId") || undefined, walkInId: form.get("walkInId") || undefined }),
  input: removeWalkInFormSchema,
  run: async (which, viewer, { activityId }): Promise<OrganizeActionState> => {
    const result = await removeWalkIn({ activityId, actorId: viewer.id, ...which });
    if (!result.ok) return failed(result);
    const t = await requestWords("organize.done");
    return done(activityId, t("walkInRemoved", { name: result.name }));
  },
});

/** Sends a message to one of the activity's lists, or to every member of its group. */
export const messageListAction = defineAction({
  ...activity,
  limit: "messageMember",
  read: (form) => ({ audience: form.get("audience"), message: form.get("message") }),
  input: messageListFormSchema,
  keep: (raw) => ({ values: { audience: typeof raw.audience === "string" ? raw.audience : "", message: typeof raw.message === "string" ? raw.message : "" } }),
  run: async ({ audience, message }, viewer, { activityId }): Promise<OrganizeActionState> => {
    const result = await messageActivityList({ activityId, actorId: viewer.id, audience, message });
    if (!result.ok) return failed(result);
    const t = await requestWords("organize.done");
    return done(activityId, result.sent === 0 ? t("sentToNobody", { audience }) : t("sent", { count: result.sent, audience }));
  },
});
