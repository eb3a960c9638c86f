import { signInAction, signOutAction, signUpAction } from "@/app/(auth)/actions";
import * as links from "@/app/(auth)/link-actions";
import { requestPasswordResetAction, resetPasswordAction } from "@/app/(auth)/password-actions";
import * as account from "@/app/account/actions";
import * as push from "@/app/account/push/actions";
import { standingPlaceAction } from "@/app/activities/[id]/_components/standing-place-actions";
import { rsvpToActivityAction, withdrawRsvpAction } from "@/app/activities/[id]/actions";
import { cancelActivityAction, updateActivityAction } from "@/app/activities/[id]/edit/actions";
import * as organize from "@/app/activities/[id]/organize/actions";
import { setRsvpQuestionsAction } from "@/app/activities/[id]/organize/question-actions";
import { answerStillComingAction } from "@/app/notifications/still-coming-actions";
import { spendStillComingLinkAction } from "@/app/still-coming/actions";
import { remindActivityNowAction } from "@/app/dev/mailbox/actions";
import { setSlotsAction } from "@/app/activities/[id]/organize/slot-actions";
import { leaveSlotAction, takeSlotAction } from "@/app/activities/[id]/_components/slot-actions";
import * as slotRoute from "@/app/api/activities/[id]/slots/[slotId]/route";
import { slotsToText } from "@/lib/validation/slots";
import * as walkIns from "@/app/activities/[id]/organize/walk-in-actions";
import { announceToGroupAction } from "@/app/groups/[slug]/manage/announce-actions";
import { retryEmailAction } from "@/app/admin/email/actions";
import { blockCommentAuthorAction, editCommentAction, postCommentAction, removeCommentAction } from "@/components/discussion/actions";
import { createActivityAction } from "@/app/groups/[slug]/activities/new/actions";
import { joinGroupAction, joinGroupWithInviteAction, leaveGroupAction } from "@/app/groups/[slug]/join/actions";
import { changeMemberAction, handOverGroupAction, renewInviteLinkAction } from "@/app/groups/[slug]/manage/actions";
import { createProjectAction } from "@/app/groups/[slug]/projects/new/actions";
import { updateGroupAction } from "@/app/groups/[slug]/settings/actions";
import { createGroupAction } from "@/app/groups/new/actions";
import { savePlanAction } from "@/app/me/actions";
import { reflectOnActivityAction } from "@/components/reflection-actions";
import * as partners from "@/app/me/partners/actions";
import { blockMemberAction, unblockMemberAction } from "@/app/members/[id]/actions";
import { decideReportAction, restoreReportedAction } from "@/components/moderation/actions";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/app/notifications/actions";
import * as tasks from "@/app/projects/[id]/actions";
import { updateProjectAction } from "@/app/projects/[id]/edit/actions";
import { reportAction } from "@/app/report/actions";
import * as coverRoute from "@/app/api/covers/[subject]/[id]/route";
import * as photoRoute from "@/app/api/me/photo/route";
import { askAboutActivityAction, askAboutGroupAction, replyToQuestionAction } from "@/components/questions/actions";
import { fixturePng } from "../helpers/pictures";
import { unsubscribeAction } from "@/app/unsubscribe/[token]/actions";
import { chooseLanguageAction } from "@/app/language-actions";
import { requestGuestRsvpAction } from "@/app/activities/[id]/guest-actions";
import { cancelGuestRsvpAction, confirmGuestRsvpAction, renameGuestRsvpAction } from "@/app/guest/actions";
import { formShownToken } from "@/lib/guest-links";
import * as catchAll from "@/app/api/[...path]/route";
import * as attendanceRoute from "@/app/api/activities/[id]/attendance/route";
import * as cancelRoute from "@/app/api/activities/[id]/cancel/route";
import * as activityCommentsRoute from "@/app/api/activities/[id]/comments/route";
import * as reflectionRoute from "@/app/api/activities/[id]/reflection/route";
import * as activityRoute from "@/app/api/activities/[id]/route";
import * as rsvpRoute from "@/app/api/activities/[id]/rsvp/route";
import * as skipRoute from "@/app/api/activities/[id]/skip/route";
import * as nextAuthRoute from "@/app/api/auth/[...nextauth]/route";
import * as commentRoute from "@/app/api/comments/[id]/route";
import * as groupActivitiesRoute from "@/app/api/groups/[slug]/activities/route";
import * as joinRoute from "@/app/api/groups/[slug]/join/route";
import * as groupProjectsRoute from "@/app/api/groups/[slug]/projects/route";
import * as groupRoute from "@/app/api/groups/[slug]/route";
import * as checkInsRoute from "@/app/api/me/partners/[id]/check-ins/route";
import * as partnershipRoute from "@/app/api/me/partners/[id]/route";
import * as acceptRoute from "@/app/api/me/partners/accept/route";
import * as partnersRoute from "@/app/api/me/partners/route";
import * as planRoute from "@/app/api/me/plan/route";
import * as projectCommentsRoute from "@/app/api/projects/[id]/comments/route";
import * as projectRoute from "@/app/api/projects/[id]/route";
import * as projectTasksRoute from "@/app/api/projects/[id]/tasks/route";
import * as standingRoute from "@/app/api/series/[id]/standing/route";
import * as claimRoute from "@/app/api/tasks/[id]/claim/route";
import * as doneRoute from "@/app/api/tasks/[id]/done/route";
import * as taskRoute from "@/app/api/tasks/[id]/route";
import * as verifyRoute from "@/app/api/tasks/[id]/verify/route";
import * as nudgesRoute from "@/app/api/test/nudges/route";
import * as tokensRoute from "@/app/api/tokens/route";
import * as unsubscribeRoute from "@/app/api/unsubscribe/[token]/route";
import * as usersRoute from "@/app/api/users/route";
import { activityToFormValues } from "@/lib/validation/activity";
import { PASSWORD, type World } from "../helpers/authz-world";
import { redirectTarget } from "../helpers/session";

/*
 * How each entry of the matrix is called: server actions as functions with the FormData
 * their form sends, route handlers with a Request. Whoever `actAs` names is the caller.
 */

export type Outcome = { kind: "result"; value: unknown } | { kind: "redirect"; to: string } | { kind: "response"; status: number; body: string };

export function form(entries: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) for (const one of Array.isArray(v) ? v : [v]) data.append(k, one);
  return data;
}

async function act(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { kind: "result", value: await run() };
  } catch (error) {
    const to = redirectTarget(error);
    if (to !== null) return { kind: "redirect", to };
    throw error;
  }
}

type Handler = (request: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response;

async function call(handler: unknown, method: string, path: string, body?: unknown, params: Record<string, string | string[]> = {}): Promise<Outcome> {
  const init: RequestInit = { method, headers: body === undefined ? {} : { "content-type": "application/json" } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await (handler as Handler)(new Request(`http://hub.test${path}`, init), { params: Promise.resolve(params) });
  return { kind: "response", status: response.status, body: await response.text() };
}

/** A picture's bytes sent as the body, as the upload form does. */
async function callPicture(handler: unknown, path: string, params: Record<string, string>): Promise<Outcome> {
  const body = new Uint8Array(await fixturePng(200, 120));
  const response = await (handler as Handler)(new Request(`http://hub.test${path}`, { method: "PUT", headers: { "content-type": "image/png" }, body }), { params: Promise.resolve(params) });
  return { kind: "response", status: response.status, body: await response.text() };
}

let n = 0;
const fresh = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

const activityValues = (w: World) => {
  const v = activityToFormValues(w.activity);
  return Object.fromEntries(Object.entries({ ...v, title: "Changed title" }).filter(([, x]) => x !== undefined && x !== false).map(([k, x]) => [k, x === true ? "on" : String(x)]));
};
const groupValues = (w: World, name = "Renamed group") => ({ name, about: "About us", agreements: "Be kind.", visibility: w.visibility, joinPolicy: "open", neighbourhood: "" });
const projectValues = { title: "Library garden", goal: "Planters", description: "", status: "active", startsOn: "", endsOn: "" };
const taskValues = { title: "Paint the planters", description: "", placesNeeded: "2", effort: "low", estimatedHours: "", dueOn: "", windowStartLocal: "", windowEndLocal: "" };
const memberOf = (w: World) => w.actors.member!;

export const CALLS: Record<string, (w: World) => Promise<Outcome>> = {
  "app/(auth)/actions.ts#signInAction": (w) => act(() => signInAction(null, form({ email: memberOf(w).email, password: PASSWORD }))),
  "app/(auth)/actions.ts#signUpAction": () => act(() => signUpAction(null, form({ name: "Robin", email: `new-${fresh()}@test.example`, password: PASSWORD }))),
  "app/(auth)/actions.ts#signOutAction": () => act(() => signOutAction()),
  "app/(auth)/password-actions.ts#requestPasswordResetAction": (w) => act(() => requestPasswordResetAction(null, form({ email: memberOf(w).email }))),
  "app/(auth)/password-actions.ts#resetPasswordAction": (w) => act(() => resetPasswordAction(null, form({ token: w.resetToken, password: "another long password" }))),
  "app/unsubscribe/[token]/actions.ts#unsubscribeAction": (w) => act(() => unsubscribeAction(form({ token: w.unsubscribe }))),
  "app/language-actions.ts#chooseLanguageAction": () => act(() => chooseLanguageAction(form({ locale: "es" }))),
  "app/activities/[id]/guest-actions.ts#requestGuestRsvpAction": (w) =>
    act(() => requestGuestRsvpAction(null, form({ activityId: w.activity.id, firstName: "Robin", email: `guest-${fresh()}@test.example`, website: "", shownAt: formShownToken(Date.now() - 10_000) }))),
  "app/dev/mailbox/actions.ts#remindActivityNowAction": (w) => act(() => remindActivityNowAction(form({ activityId: w.activity.id }))),
  "app/still-coming/actions.ts#spendStillComingLinkAction": (w) => act(() => spendStillComingLinkAction(null, form({ token: w.stillComing, purpose: "coming" }))),
  "app/notifications/still-coming-actions.ts#answerStillComingAction": (w) => act(() => answerStillComingAction(null, form({ activityId: w.activity.id, purpose: "coming" }))),
  "app/activities/[id]/organize/question-actions.ts#setRsvpQuestionsAction": (w) =>
    act(() => setRsvpQuestionsAction(null, form({ activityId: w.activity.id, "q0.prompt": "Can you bring a flask?", "q0.kind": "yes_no", "q0.required": "on" }))),
  "app/guest/actions.ts#confirmGuestRsvpAction": (w) => act(() => confirmGuestRsvpAction(null, form({ token: w.guests!.confirm }))),
  "app/guest/actions.ts#cancelGuestRsvpAction": (w) => act(() => cancelGuestRsvpAction(null, form({ token: w.guests!.manage }))),
  "app/guest/actions.ts#renameGuestRsvpAction": (w) => act(() => renameGuestRsvpAction(null, form({ token: w.guests!.manage, firstName: "Renamed" }))),
  "app/(auth)/link-actions.ts#requestSignInLinkAction": (w) => act(() => links.requestSignInLinkAction(null, form({ email: memberOf(w).email }))),
  "app/(auth)/link-actions.ts#signInWithLinkAction": (w) => act(() => links.signInWithLinkAction(null, form({ token: w.signInLink }))),
  "app/(auth)/link-actions.ts#confirmEmailAction": (w) => act(() => links.confirmEmailAction(null, form({ token: w.confirmLink }))),
  "app/(auth)/link-actions.ts#sendNewConfirmationLinkAction": (w) => act(() => links.sendNewConfirmationLinkAction(null, form({ token: w.expiredConfirmLink }))),
  "app/(auth)/link-actions.ts#signInWithProviderAction": () => act(() => links.signInWithProviderAction(null, form({ callbackUrl: "/" }))),
  "app/(auth)/link-actions.ts#resendConfirmationAction": () => act(() => links.resendConfirmationAction(null, form({}))),

  "app/account/actions.ts#updateProfileAction": () => act(() => account.updateProfileAction(null, form({ name: "Renamed", bio: "Hello", neighbourhood: "" }))),
  "app/account/actions.ts#updatePrivacyAction": () => act(() => account.updatePrivacyAction(null, form({ listedAsGoing: "on" }))),
  "app/account/actions.ts#createTokenAction": () => act(() => account.createTokenAction(null, form({ name: "laptop" }))),
  "app/account/actions.ts#revokeTokenAction": (w) => act(() => account.revokeTokenAction(null, form({ tokenId: w.token.id }))),
  "app/account/actions.ts#saveEmailPreferencesAction": () => act(() => account.saveEmailPreferencesAction(null, form({}))),
  "app/account/actions.ts#createFeedAction": () => act(() => account.createFeedAction(null, form({ groupId: "" }))),
  "app/account/actions.ts#revokeFeedAction": (w) => act(() => account.revokeFeedAction(null, form({ feedId: w.feedId }))),
  "app/account/actions.ts#renewFeedAction": (w) => act(() => account.renewFeedAction(null, form({ feedId: w.feedId }))),
  "app/account/push/actions.ts#subscribePushAction": () =>
    act(() => push.subscribePushAction(null, form({ subscription: JSON.stringify({ endpoint: `https://127.0.0.1:9/push/${fresh()}`, keys: { p256dh: "B".repeat(87), auth: "A".repeat(22) } }) }))),
  "app/account/push/actions.ts#unsubscribePushAction": (w) => act(() => push.unsubscribePushAction(null, form({ deviceId: w.pushDeviceId }))),
  "app/account/push/actions.ts#savePushChoicesAction": (w) => act(() => push.savePushChoicesAction(null, form({ deviceId: w.pushDeviceId, kind: "waitlist", showDetails: "on" }))),
  "app/account/actions.ts#changePasswordAction": () => act(() => account.changePasswordAction(null, form({ currentPassword: PASSWORD, newPassword: "a brand new long password" }))),
  "app/account/actions.ts#deleteAccountAction": () => act(() => account.deleteAccountAction(null, form({ password: PASSWORD }))),
  "app/members/[id]/actions.ts#blockMemberAction": (w) => act(() => blockMemberAction(null, form({ memberId: w.target.id }))),
  "app/members/[id]/actions.ts#unblockMemberAction": (w) => act(() => unblockMemberAction(null, form({ memberId: w.users.otherMember.id }))),
  "app/notifications/actions.ts#markNotificationReadAction": (w) => act(() => markNotificationReadAction(form({ id: w.notification.id }))),
  "app/notifications/actions.ts#markAllNotificationsReadAction": () => act(() => markAllNotificationsReadAction()),
  "app/me/actions.ts#savePlanAction": () => act(() => savePlanAction(null, form({ weeklyTotalGoal: "4", interests: "drawing" }))),
  "components/reflection-actions.ts#reflectOnActivityAction": (w) => act(() => reflectOnActivityAction(null, form({ activityId: w.past.id, feeling: "ok", note: "" }))),
  "app/me/partners/actions.ts#createInviteLinkAction": () => act(() => partners.createInviteLinkAction(null, form({ rhythm: "weekly_meeting", weeklyDay: "2" }))),
  "app/me/partners/actions.ts#invitePersonAction": (w) => act(() => partners.invitePersonAction(null, form({ userId: w.target.id, rhythm: "weekly_meeting", weeklyDay: "2" }))),
  "app/me/partners/actions.ts#acceptInviteLinkAction": (w) => act(() => partners.acceptInviteLinkAction(null, form({ code: w.invite.code }))),
  "app/me/partners/actions.ts#changePartnershipAction": (w) => act(() => partners.changePartnershipAction(null, form({ partnershipId: w.partnership.id, change: "pause" }))),
  "app/me/partners/actions.ts#changeRhythmAction": (w) => act(() => partners.changeRhythmAction(null, form({ partnershipId: w.partnership.id, rhythm: "daily_message" }))),
  "app/me/partners/actions.ts#addCheckInAction": (w) => act(() => partners.addCheckInAction(null, form({ partnershipId: w.partnership.id, note: "Hello", mood: "4", energy: "medium" }))),

  "app/activities/[id]/actions.ts#rsvpToActivityAction": (w) => act(() => rsvpToActivityAction(null, form({ activityId: w.activity.id, status: "maybe" }))),
  "app/activities/[id]/actions.ts#withdrawRsvpAction": (w) => act(() => withdrawRsvpAction(null, form({ activityId: w.activity.id }))),
  "app/activities/[id]/_components/slot-actions.ts#takeSlotAction": (w) => act(() => takeSlotAction(null, form({ activityId: w.slotted.activity.id, slotId: w.slotted.openSlotId }))),
  "app/activities/[id]/_components/slot-actions.ts#leaveSlotAction": (w) => act(() => leaveSlotAction(null, form({ activityId: w.slotted.activity.id, slotId: w.slotted.heldSlotId }))),
  "app/activities/[id]/organize/slot-actions.ts#setSlotsAction": (w) => {
    const a = w.slotted.activity;
    const middle = new Date(a.startsAt.getTime() + 3600_000);
    const slots = slotsToText([{ startsAt: a.startsAt, endsAt: middle, capacity: 5 }, { startsAt: middle, endsAt: a.endsAt, capacity: 6 }], a);
    return act(() => setSlotsAction(null, form({ activityId: a.id, slots })));
  },
  "app/activities/[id]/_components/standing-place-actions.ts#standingPlaceAction": (w) => act(() => standingPlaceAction(w.occurrenceId, w.seriesId, null, form({ intent: "hold" }))),
  "components/discussion/actions.ts#postCommentAction": (w) => act(() => postCommentAction(null, form({ targetKind: "project", targetId: w.project.id, body: "Count me in." }))),
  "components/discussion/actions.ts#editCommentAction": (w) => act(() => editCommentAction(null, form({ commentId: w.comment.id, body: "Changed words" }))),
  "components/discussion/actions.ts#removeCommentAction": (w) => act(() => removeCommentAction(null, form({ commentId: w.comment.id }))),
  "components/discussion/actions.ts#blockCommentAuthorAction": (w) => act(() => blockCommentAuthorAction(null, form({ commentId: w.comment.id }))),
  "components/questions/actions.ts#askAboutActivityAction": (w) => act(() => askAboutActivityAction(null, form({ activityId: w.activity.id, body: "Is there step-free access?" }))),
  "components/questions/actions.ts#askAboutGroupAction": (w) => act(() => askAboutGroupAction(null, form({ groupId: w.group.id, body: "Is it OK if I come on my own?" }))),
  "components/questions/actions.ts#replyToQuestionAction": (w) => act(() => replyToQuestionAction(null, form({ questionId: w.question.id, body: "Yes, of course." }))),
  "app/api/covers/[subject]/[id]/route.ts#PUT": async (w) =>
    callPicture(coverRoute.PUT, `/api/covers/activities/${w.activity.id}?alt=${encodeURIComponent("A green field")}`, { subject: "activities", id: w.activity.id }),
  "app/api/covers/[subject]/[id]/route.ts#DELETE": (w) => call(coverRoute.DELETE, "DELETE", `/api/covers/activities/${w.activity.id}`, undefined, { subject: "activities", id: w.activity.id }),
  "app/api/me/photo/route.ts#PUT": () => callPicture(photoRoute.PUT, "/api/me/photo", {}),
  "app/api/me/photo/route.ts#DELETE": () => call(photoRoute.DELETE, "DELETE", "/api/me/photo"),
  "app/report/actions.ts#reportAction": (w) => act(() => reportAction(null, form({ targetType: "activity", targetId: w.activity.id, reason: "spam", note: "" }))),
  "app/projects/[id]/actions.ts#claimTaskAction": (w) => act(() => tasks.claimTaskAction(null, form({ taskId: w.task.id }))),
  "app/projects/[id]/actions.ts#releaseTaskAction": (w) => act(() => tasks.releaseTaskAction(null, form({ taskId: w.memberTask.id }))),
  "app/projects/[id]/actions.ts#markTaskDoneAction": (w) => act(() => tasks.markTaskDoneAction(null, form({ taskId: w.memberTask.id }))),

  "app/groups/[slug]/join/actions.ts#joinGroupAction": (w) => act(() => joinGroupAction(w.group.id, w.group.slug, null, form({ acceptAgreements: "on" }))),
  "app/groups/[slug]/join/actions.ts#joinGroupWithInviteAction": (w) => act(() => joinGroupWithInviteAction(w.group.id, w.group.slug, w.group.inviteCode!, null, form({ acceptAgreements: "on" }))),
  "app/groups/[slug]/join/actions.ts#leaveGroupAction": (w) => act(() => leaveGroupAction(w.group.id, w.group.slug, null, form({}))),
  "app/groups/new/actions.ts#createGroupAction": (w) => act(() => createGroupAction(null, form({ ...groupValues(w, `New group ${fresh()}`), visibility: "public" }))),

  "app/groups/[slug]/settings/actions.ts#updateGroupAction": (w) => act(() => updateGroupAction(w.group.id, w.group.slug, null, form(groupValues(w)))),
  "app/groups/[slug]/manage/actions.ts#changeMemberAction": (w) => act(() => changeMemberAction(w.group.id, w.group.slug, null, form({ userId: w.target.id, change: "remove" }))),
  "app/groups/[slug]/manage/actions.ts#handOverGroupAction": (w) => act(() => handOverGroupAction(w.group.id, w.group.slug, null, form({ userId: w.targetOrganizer.id, confirm: "on" }))),
  "app/groups/[slug]/manage/actions.ts#renewInviteLinkAction": (w) => act(() => renewInviteLinkAction(w.group.id, w.group.slug, null, form({}))),
  "app/groups/[slug]/activities/new/actions.ts#createActivityAction": (w) => act(() => createActivityAction(w.group.id, null, form(activityValues(w)))),
  "app/activities/[id]/edit/actions.ts#updateActivityAction": (w) => act(() => updateActivityAction(w.activity.id, null, form({ ...activityValues(w), scope: "this" }))),
  "app/activities/[id]/edit/actions.ts#cancelActivityAction": (w) => act(() => cancelActivityAction(w.activity.id, null, form({ scope: "this", confirm: "yes" }))),
  "app/activities/[id]/organize/actions.ts#markAttendanceAction": (w) => act(() => organize.markAttendanceAction(null, form({ activityId: w.past.id, userId: w.target.id, attendance: "no_show" }))),
  "app/activities/[id]/organize/actions.ts#markAllAttendedAction": (w) => act(() => organize.markAllAttendedAction(null, form({ activityId: w.past.id }))),
  "app/activities/[id]/organize/actions.ts#pairGreeterAction": (w) => act(() => organize.pairGreeterAction(null, form({ activityId: w.activity.id, memberId: w.target.id, greeterId: w.claimant.id }))),
  "app/activities/[id]/organize/walk-in-actions.ts#recordMemberWalkInAction": (w) => act(() => walkIns.recordMemberWalkInAction(null, form({ activityId: w.past.id, userId: w.targetOrganizer.id }))),
  "app/activities/[id]/organize/walk-in-actions.ts#recordNamedWalkInAction": (w) => act(() => walkIns.recordNamedWalkInAction(null, form({ activityId: w.past.id, firstName: "Ana" }))),
  "app/activities/[id]/organize/walk-in-actions.ts#removeWalkInAction": (w) => act(() => walkIns.removeWalkInAction(null, form({ activityId: w.past.id, walkInId: w.walkIn.id }))),
  "app/activities/[id]/organize/walk-in-actions.ts#messageListAction": (w) => act(() => walkIns.messageListAction(null, form({ activityId: w.activity.id, audience: "group", message: "Picnic on Sunday." }))),
  "app/groups/[slug]/manage/announce-actions.ts#announceToGroupAction": (w) => act(() => announceToGroupAction(w.group.id, w.group.slug, null, form({ message: "Picnic on Sunday." }))),
  "app/groups/[slug]/projects/new/actions.ts#createProjectAction": (w) => act(() => createProjectAction(w.group.id, null, form(projectValues))),
  "app/projects/[id]/edit/actions.ts#updateProjectAction": (w) => act(() => updateProjectAction(w.project.id, null, form({ ...projectValues, status: "done" }))),
  "app/projects/[id]/actions.ts#createTaskAction": (w) => act(() => tasks.createTaskAction(w.project.id, null, form(taskValues))),
  "app/projects/[id]/actions.ts#updateTaskAction": (w) => act(() => tasks.updateTaskAction(w.task.id, null, form({ ...taskValues, placesNeeded: "7" }))),
  "app/projects/[id]/actions.ts#removeTaskAction": (w) => act(() => tasks.removeTaskAction(null, form({ taskId: w.task.id, confirm: "yes" }))),
  "app/projects/[id]/actions.ts#assignTaskAction": (w) => act(() => tasks.assignTaskAction(null, form({ taskId: w.task.id, userId: w.target.id }))),
  "app/projects/[id]/actions.ts#unassignTaskAction": (w) => act(() => tasks.unassignTaskAction(null, form({ taskId: w.task.id, userId: w.claimant.id }))),
  "app/projects/[id]/actions.ts#verifyTaskAction": (w) => act(() => tasks.verifyTaskAction(null, form({ taskId: w.task.id, userId: w.claimant.id, hours: "3" }))),
  "app/projects/[id]/actions.ts#sendBackTaskAction": (w) => act(() => tasks.sendBackTaskAction(null, form({ taskId: w.task.id, userId: w.claimant.id }))),

  "components/moderation/actions.ts#decideReportAction": (w) => act(() => decideReportAction(null, form({ reportId: w.openReport.id, outcome: "dismiss", note: "Looked fine" }))),
  "components/moderation/actions.ts#restoreReportedAction": (w) => act(() => restoreReportedAction(null, form({ reportId: w.hiddenReport.id }))),
  "app/admin/email/actions.ts#retryEmailAction": (w) => act(() => retryEmailAction(form({ id: w.failedEmail.id }))),

  "app/api/[...path]/route.ts#POST": () => call(catchAll.POST, "POST", "/api/nothing", {}),
  "app/api/[...path]/route.ts#PUT": () => call(catchAll.PUT, "PUT", "/api/nothing", {}),
  "app/api/[...path]/route.ts#PATCH": () => call(catchAll.PATCH, "PATCH", "/api/nothing", {}),
  "app/api/[...path]/route.ts#DELETE": () => call(catchAll.DELETE, "DELETE", "/api/nothing"),
  "app/api/auth/[...nextauth]/route.ts#POST": () => call(nextAuthRoute.POST, "POST", "/api/auth/signout", undefined, { nextauth: ["signout"] }),
  "app/api/test/nudges/route.ts#POST": () => call(nudgesRoute.POST, "POST", "/api/test/nudges", { now: new Date().toISOString() }),
  "app/api/users/route.ts#POST": () => call(usersRoute.POST, "POST", "/api/users", { name: "Robin", email: `api-${fresh()}@test.example`, password: PASSWORD }),
  "app/api/tokens/route.ts#POST": (w) => call(tokensRoute.POST, "POST", "/api/tokens", { email: memberOf(w).email, password: PASSWORD, name: "script" }),
  "app/api/tokens/route.ts#DELETE": (w) => call(tokensRoute.DELETE, "DELETE", "/api/tokens", { id: w.token.id }),
  "app/api/unsubscribe/[token]/route.ts#POST": (w) => call(unsubscribeRoute.POST, "POST", `/api/unsubscribe/${w.unsubscribe}`, undefined, { token: w.unsubscribe }),
  "app/api/me/plan/route.ts#PUT": () => call(planRoute.PUT, "PUT", "/api/me/plan", { weeklyTotalGoal: 4, interests: ["drawing"] }),
  "app/api/me/partners/route.ts#POST": () => call(partnersRoute.POST, "POST", "/api/me/partners", { rhythm: "weekly_meeting" }),
  "app/api/me/partners/accept/route.ts#POST": (w) => call(acceptRoute.POST, "POST", "/api/me/partners/accept", { code: w.invite.code }),
  "app/api/me/partners/[id]/route.ts#PATCH": (w) => call(partnershipRoute.PATCH, "PATCH", `/api/me/partners/${w.partnership.id}`, { rhythm: "daily_message" }, { id: w.partnership.id }),
  "app/api/me/partners/[id]/check-ins/route.ts#POST": (w) => call(checkInsRoute.POST, "POST", `/api/me/partners/${w.partnership.id}/check-ins`, { note: "Hi", mood: 4, energy: "medium" }, { id: w.partnership.id }),
  "app/api/activities/[id]/reflection/route.ts#POST": (w) => call(reflectionRoute.POST, "POST", `/api/activities/${w.past.id}/reflection`, { feeling: "ok" }, { id: w.past.id }),
  "app/api/activities/[id]/rsvp/route.ts#POST": (w) => call(rsvpRoute.POST, "POST", `/api/activities/${w.activity.id}/rsvp`, { status: "maybe" }, { id: w.activity.id }),
  "app/api/activities/[id]/rsvp/route.ts#DELETE": (w) => call(rsvpRoute.DELETE, "DELETE", `/api/activities/${w.activity.id}/rsvp`, undefined, { id: w.activity.id }),
  "app/api/activities/[id]/slots/[slotId]/route.ts#POST": (w) => call(slotRoute.POST, "POST", `/api/activities/${w.slotted.activity.id}/slots/${w.slotted.openSlotId}`, undefined, { id: w.slotted.activity.id, slotId: w.slotted.openSlotId }),
  "app/api/activities/[id]/slots/[slotId]/route.ts#DELETE": (w) => call(slotRoute.DELETE, "DELETE", `/api/activities/${w.slotted.activity.id}/slots/${w.slotted.heldSlotId}`, undefined, { id: w.slotted.activity.id, slotId: w.slotted.heldSlotId }),
  "app/api/activities/[id]/skip/route.ts#POST": (w) => call(skipRoute.POST, "POST", `/api/activities/${w.occurrenceId}/skip`, undefined, { id: w.occurrenceId }),
  "app/api/series/[id]/standing/route.ts#POST": (w) => call(standingRoute.POST, "POST", `/api/series/${w.seriesId}/standing`, undefined, { id: w.seriesId }),
  "app/api/series/[id]/standing/route.ts#DELETE": (w) => call(standingRoute.DELETE, "DELETE", `/api/series/${w.seriesId}/standing`, undefined, { id: w.seriesId }),
  "app/api/activities/[id]/comments/route.ts#POST": (w) => call(activityCommentsRoute.POST, "POST", `/api/activities/${w.activity.id}/comments`, { body: "Count me in." }, { id: w.activity.id }),
  "app/api/projects/[id]/comments/route.ts#POST": (w) => call(projectCommentsRoute.POST, "POST", `/api/projects/${w.project.id}/comments`, { body: "Count me in." }, { id: w.project.id }),
  "app/api/comments/[id]/route.ts#PATCH": (w) => call(commentRoute.PATCH, "PATCH", `/api/comments/${w.comment.id}`, { body: "Changed words" }, { id: w.comment.id }),
  "app/api/comments/[id]/route.ts#DELETE": (w) => call(commentRoute.DELETE, "DELETE", `/api/comments/${w.comment.id}`, undefined, { id: w.comment.id }),
  "app/api/tasks/[id]/claim/route.ts#POST": (w) => call(claimRoute.POST, "POST", `/api/tasks/${w.task.id}/claim`, {}, { id: w.task.id }),
  "app/api/tasks/[id]/claim/route.ts#DELETE": (w) => call(claimRoute.DELETE, "DELETE", `/api/tasks/${w.memberTask.id}/claim`, undefined, { id: w.memberTask.id }),
  "app/api/tasks/[id]/done/route.ts#POST": (w) => call(doneRoute.POST, "POST", `/api/tasks/${w.memberTask.id}/done`, undefined, { id: w.memberTask.id }),
  "app/api/groups/[slug]/join/route.ts#POST": (w) => call(joinRoute.POST, "POST", `/api/groups/${w.group.slug}/join`, { acceptAgreements: true }, { slug: w.group.slug }),
  "app/api/groups/[slug]/route.ts#PATCH": (w) => call(groupRoute.PATCH, "PATCH", `/api/groups/${w.group.slug}`, { about: "New words" }, { slug: w.group.slug }),
  "app/api/groups/[slug]/activities/route.ts#POST": (w) => call(groupActivitiesRoute.POST, "POST", `/api/groups/${w.group.slug}/activities`, { ...activityToFormValues(w.activity), title: "Another walk" }, { slug: w.group.slug }),
  "app/api/groups/[slug]/projects/route.ts#POST": (w) => call(groupProjectsRoute.POST, "POST", `/api/groups/${w.group.slug}/projects`, projectValues, { slug: w.group.slug }),
  "app/api/activities/[id]/route.ts#PATCH": (w) => call(activityRoute.PATCH, "PATCH", `/api/activities/${w.activity.id}`, { title: "Changed title" }, { id: w.activity.id }),
  "app/api/activities/[id]/cancel/route.ts#POST": (w) => call(cancelRoute.POST, "POST", `/api/activities/${w.activity.id}/cancel`, {}, { id: w.activity.id }),
  "app/api/activities/[id]/attendance/route.ts#POST": (w) => call(attendanceRoute.POST, "POST", `/api/activities/${w.past.id}/attendance`, { userId: w.target.id, attendance: "no_show" }, { id: w.past.id }),
  "app/api/projects/[id]/route.ts#PATCH": (w) => call(projectRoute.PATCH, "PATCH", `/api/projects/${w.project.id}`, { status: "done" }, { id: w.project.id }),
  "app/api/projects/[id]/tasks/route.ts#POST": (w) => call(projectTasksRoute.POST, "POST", `/api/projects/${w.project.id}/tasks`, { ...taskValues, placesNeeded: 2, estimatedHours: undefined, dueOn: undefined, windowStartLocal: undefined, windowEndLocal: undefined }, { id: w.project.id }),
  "app/api/tasks/[id]/route.ts#PATCH": (w) => call(taskRoute.PATCH, "PATCH", `/api/tasks/${w.task.id}`, { placesNeeded: 5 }, { id: w.task.id }),
  "app/api/tasks/[id]/route.ts#DELETE": (w) => call(taskRoute.DELETE, "DELETE", `/api/tasks/${w.task.id}`, undefined, { id: w.task.id }),
  "app/api/tasks/[id]/verify/route.ts#POST": (w) => call(verifyRoute.POST, "POST", `/api/tasks/${w.task.id}/verify`, { userId: w.claimant.id, hours: 3 }, { id: w.task.id }),
};
