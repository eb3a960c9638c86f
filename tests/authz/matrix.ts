import type { Role } from "../helpers/authz-world";

/*
 * Who may do what: every server action (each export of a "use server" file under app/) and
 * every state-changing route handler (POST, PUT, PATCH, DELETE under app/api) against the
 * ten kinds of caller in tests/helpers/authz-world.ts. `tests/authorization-matrix.test.ts`
 * runs every cell by calling the action or handler directly, and fails when an action or
 * route exists that is not listed here — a new one must say who may use it.
 *
 * Unless `group: "public"` is given, the group acted on is private (so outsiders are told it
 * does not exist). "On" names the object each call is aimed at; ids are the world's.
 *
 * `sample`: the roles actually called, for entries whose rule does not depend on the caller's
 * role at all (the credentials or signed token in the request are the whole authority).
 * `noop`: a caller without the thing (no place to give back, no block to lift) gets a
 * harmless "done, nothing changed" rather than a refusal; the database must still be unchanged.
 *
 * To keep the run short, refusals share one town (they must leave it untouched, and the
 * fingerprint proves they did). Allowed calls get a fresh town per entry; when three or more
 * kinds of caller are allowed, they act one after another in that one town, since each
 * changes only their own things. `apart` marks entries where one allowed caller's success
 * would spoil the next one's (the first to accept an invite link uses it up): each allowed
 * caller then gets a town of their own.
 */

export type Rule = {
  allow: readonly Role[];
  on: string;
  group?: "public";
  sample?: readonly Role[];
  noop?: true;
  apart?: true;
  /** An allowed call that need not change anything (sign-in, asking for a reset link). */
  mayChangeNothing?: true;
};

const SIGNED_IN: Role[] = ["signed-in", "pending", "banned", "other group's member", "other group's organizer", "member", "organizer", "owner", "admin"];
const IN_GROUP: Role[] = ["member", "organizer", "owner"];
const ORGANIZERS: Role[] = ["organizer", "owner"];
const MODERATORS: Role[] = ["organizer", "owner", "admin"];
const OUTSIDERS: Role[] = ["signed-in", "other group's member", "other group's organizer", "admin"];
const NOBODY: Role[] = [];
const A = "app/api";

export const MATRIX: Record<string, Rule> = {
  // Signing in and up, password resets and unsubscribing: the form's credentials or the
  // emailed token are the authority, whoever is calling.
  "app/(auth)/actions.ts#signInAction": { allow: ["visitor"], sample: ["visitor"], on: "the member's email and password", mayChangeNothing: true },
  "app/(auth)/actions.ts#signUpAction": { allow: ["visitor"], sample: ["visitor"], on: "a new email" },
  "app/(auth)/actions.ts#signOutAction": { allow: SIGNED_IN, noop: true, on: "the caller's own sessions" },
  "app/(auth)/password-actions.ts#requestPasswordResetAction": { allow: ["visitor"], sample: ["visitor"], on: "the member's email" },
  "app/(auth)/password-actions.ts#resetPasswordAction": { allow: ["visitor"], sample: ["visitor"], on: "the member's reset link" },
  "app/unsubscribe/[token]/actions.ts#unsubscribeAction": { allow: ["visitor"], sample: ["visitor"], on: "the member's unsubscribe link" },
  // RSVP as a guest: the first name and email typed in, then the emailed links, are the authority.
  "app/activities/[id]/guest-actions.ts#requestGuestRsvpAction": { allow: ["visitor"], sample: ["visitor"], group: "public", on: "the upcoming activity, as a guest (a new email)" },
  "app/guest/actions.ts#confirmGuestRsvpAction": { allow: ["visitor"], sample: ["visitor"], group: "public", on: "a held guest place's confirmation link" },
  "app/guest/actions.ts#cancelGuestRsvpAction": { allow: ["visitor"], sample: ["visitor"], group: "public", on: "a confirmed guest's manage link" },
  "app/guest/actions.ts#renameGuestRsvpAction": { allow: ["visitor"], sample: ["visitor"], group: "public", on: "a confirmed guest's manage link (a new first name)" },
  // The development mailbox (served outside production, as in the tests) sends an activity's reminder now.
  "app/dev/mailbox/actions.ts#remindActivityNowAction": { allow: ["visitor"], sample: ["visitor"], on: "the upcoming activity's day-before reminder", mayChangeNothing: true },
  // The reminder's one-click "Yes, I'm coming" / "Free my place": the emailed token is the authority.
  "app/still-coming/actions.ts#spendStillComingLinkAction": { allow: ["visitor"], sample: ["visitor"], on: "the member's still-coming link from their reminder" },
  "app/(auth)/link-actions.ts#requestSignInLinkAction": { allow: ["visitor"], sample: ["visitor"], on: "the member's email" },
  "app/(auth)/link-actions.ts#signInWithLinkAction": { allow: ["visitor"], sample: ["visitor"], on: "the member's sign-in link", mayChangeNothing: true },
  "app/(auth)/link-actions.ts#confirmEmailAction": { allow: ["visitor"], sample: ["visitor"], on: "a newcomer's confirmation link" },
  "app/(auth)/link-actions.ts#sendNewConfirmationLinkAction": { allow: ["visitor"], sample: ["visitor"], on: "a newcomer's expired confirmation link" },
  // Single sign-on is off in the tests' settings (no OIDC_ISSUER): nobody may start one.
  "app/(auth)/link-actions.ts#signInWithProviderAction": { allow: NOBODY, sample: ["visitor", "member"], on: "single sign-on, which is not configured" },
  // Answers "nothing to do" to a member whose email is confirmed (everyone in the town): nothing changes but the rate limit.
  "app/(auth)/link-actions.ts#resendConfirmationAction": { allow: SIGNED_IN, on: "the caller's own confirmation link", mayChangeNothing: true },

  // The language picker: anyone; a visitor's choice is only a cookie, a member's is also their setting.
  "app/language-actions.ts#chooseLanguageAction": { allow: ["visitor", ...SIGNED_IN], on: "the caller's own language", mayChangeNothing: true },

  // The caller's own account.
  "app/account/actions.ts#updateProfileAction": { allow: SIGNED_IN, on: "the caller's profile" },
  "app/account/actions.ts#updatePrivacyAction": { allow: SIGNED_IN, on: "the caller's listing choice" },
  "app/account/actions.ts#createTokenAction": { allow: SIGNED_IN, on: "a new token of the caller's" },
  "app/account/actions.ts#revokeTokenAction": { allow: ["member"], on: "the member's API token" },
  "app/account/actions.ts#saveEmailPreferencesAction": { allow: SIGNED_IN, on: "the caller's email choices" },
  "app/account/actions.ts#createFeedAction": { allow: SIGNED_IN, on: "a new feed of the caller's activities" },
  "app/account/actions.ts#revokeFeedAction": { allow: ["member"], on: "the member's calendar feed" },
  "app/account/actions.ts#renewFeedAction": { allow: ["member"], on: "the member's calendar feed" },
  "app/account/push/actions.ts#subscribePushAction": { allow: SIGNED_IN, on: "the caller's own browser, as a new push subscription" },
  "app/account/push/actions.ts#unsubscribePushAction": { allow: ["member"], on: "the member's device that gets push notifications" },
  "app/account/push/actions.ts#savePushChoicesAction": { allow: ["member"], on: "the member's device that gets push notifications" },
  "app/account/actions.ts#changePasswordAction": { allow: SIGNED_IN, on: "the caller's password (given correctly)" },
  // The owner must hand the group over first.
  "app/account/actions.ts#deleteAccountAction": { allow: SIGNED_IN.filter((r) => r !== "owner"), on: "the caller's account (password given)" },
  "app/members/[id]/actions.ts#blockMemberAction": { allow: SIGNED_IN, on: "the target member" },
  "app/members/[id]/actions.ts#unblockMemberAction": { allow: ["member"], noop: true, on: "the member's block of another member" },
  "app/notifications/actions.ts#markNotificationReadAction": { allow: ["member"], on: "the member's notification" },
  "app/notifications/actions.ts#markAllNotificationsReadAction": { allow: ["member"], noop: true, on: "the caller's notifications (only the member has one)" },
  "app/me/actions.ts#savePlanAction": { allow: SIGNED_IN, on: "the caller's plan" },
  "components/reflection-actions.ts#reflectOnActivityAction": { allow: ["member"], on: "a past activity the member attended" },
  "app/me/partners/actions.ts#createInviteLinkAction": { allow: SIGNED_IN, on: "a new invite link" },
  "app/me/partners/actions.ts#invitePersonAction": { allow: ["member"], on: "the target, met at the past activity" },
  "app/me/partners/actions.ts#acceptInviteLinkAction": { apart: true, allow: SIGNED_IN, on: "the target's invite link" },
  "app/me/partners/actions.ts#changePartnershipAction": { allow: ["member"], on: "the member's partnership (pause)" },
  "app/me/partners/actions.ts#changeRhythmAction": { allow: ["member"], on: "the member's partnership" },
  "app/me/partners/actions.ts#addCheckInAction": { allow: ["member"], on: "the member's partnership" },

  // Taking part in a group's activities.
  "app/activities/[id]/actions.ts#rsvpToActivityAction": { allow: IN_GROUP, on: "the upcoming activity (maybe)" },
  "app/activities/[id]/actions.ts#withdrawRsvpAction": { allow: IN_GROUP, on: "the upcoming activity" },
  // From the in-app reminder: only someone holding a place can say they're still coming.
  "app/notifications/still-coming-actions.ts#answerStillComingAction": { allow: IN_GROUP, on: "the caller's own place at the upcoming activity" },
  // Time slots: the group's people take a slot with room, and leave the one they hold.
  "app/activities/[id]/_components/slot-actions.ts#takeSlotAction": { allow: IN_GROUP, on: "the slotted activity's slot with room" },
  "app/activities/[id]/_components/slot-actions.ts#leaveSlotAction": { allow: IN_GROUP, on: "the slotted activity's slot they hold" },
  "app/activities/[id]/organize/slot-actions.ts#setSlotsAction": { allow: ORGANIZERS, apart: true, on: "the slotted activity (more places in its open slot)" },
  // The member already holds one: holding again changes nothing.
  "app/activities/[id]/_components/standing-place-actions.ts#standingPlaceAction": { allow: ORGANIZERS, noop: true, on: "the weekly series (hold)" },
  "components/discussion/actions.ts#postCommentAction": { allow: IN_GROUP, on: "the project" },
  "components/discussion/actions.ts#editCommentAction": { allow: ["member"], on: "the member's comment" },
  // An admin outside a private group cannot see it; admins act on reports instead.
  "components/discussion/actions.ts#removeCommentAction": { apart: true, allow: ["member", "organizer", "owner"], on: "the member's comment" },
  // Anyone who can see the comment may block its author, except the author; an admin outside
  // a private group cannot see it.
  "components/discussion/actions.ts#blockCommentAuthorAction": { allow: ORGANIZERS, on: "the member's comment" },
  "app/report/actions.ts#reportAction": { allow: IN_GROUP, on: "the upcoming activity" },
  // Asking a group's organizers privately; organizers are the ones asked, and a private group
  // does not exist for anyone outside it.
  "components/questions/actions.ts#askAboutActivityAction": { allow: ["member"], on: "the upcoming activity" },
  "components/questions/actions.ts#askAboutGroupAction": { allow: ["member"], on: "the group" },
  // The thread is the asker's and the organizers': nobody else may write in it (or learn it exists).
  "components/questions/actions.ts#replyToQuestionAction": { allow: ["member", "organizer", "owner"], on: "the member's question to the organizers" },
  "app/projects/[id]/actions.ts#claimTaskAction": { allow: IN_GROUP, on: "the task" },
  "app/projects/[id]/actions.ts#releaseTaskAction": { allow: ["member"], noop: true, on: "the task the member holds a place on" },
  "app/projects/[id]/actions.ts#markTaskDoneAction": { allow: ["member"], on: "the task the member holds a place on" },

  // Joining and leaving.
  // Someone already in the group (or waiting) is told so; nothing changes.
  "app/groups/[slug]/join/actions.ts#joinGroupAction": { allow: OUTSIDERS, noop: true, group: "public", on: "the group" },
  "app/groups/[slug]/join/actions.ts#joinGroupWithInviteAction": { allow: OUTSIDERS, noop: true, on: "the group, with its invite code" },
  "app/groups/[slug]/join/actions.ts#leaveGroupAction": { allow: ["pending", "member", "organizer"], on: "the group" },
  "app/groups/new/actions.ts#createGroupAction": { allow: SIGNED_IN, on: "a new group" },

  // Organizing.
  "app/groups/[slug]/settings/actions.ts#updateGroupAction": { allow: ORGANIZERS, on: "the group" },
  "app/groups/[slug]/manage/actions.ts#changeMemberAction": { allow: ORGANIZERS, on: "the target member (remove)" },
  "app/groups/[slug]/manage/actions.ts#handOverGroupAction": { allow: ["owner"], on: "the group, to the target organizer" },
  "app/groups/[slug]/manage/actions.ts#renewInviteLinkAction": { allow: ORGANIZERS, on: "the group's invite code" },
  "app/groups/[slug]/activities/new/actions.ts#createActivityAction": { allow: ORGANIZERS, on: "the group" },
  "app/activities/[id]/edit/actions.ts#updateActivityAction": { allow: ORGANIZERS, on: "the upcoming activity" },
  "app/activities/[id]/edit/actions.ts#cancelActivityAction": { allow: ORGANIZERS, on: "the upcoming activity" },
  "app/activities/[id]/organize/actions.ts#markAttendanceAction": { allow: ORGANIZERS, on: "the target at the past activity" },
  "app/activities/[id]/organize/actions.ts#markAllAttendedAction": { allow: ORGANIZERS, on: "the past activity" },
  "app/activities/[id]/organize/actions.ts#pairGreeterAction": { allow: ORGANIZERS, on: "the target and the claimant, going" },
  "app/activities/[id]/organize/question-actions.ts#setRsvpQuestionsAction": { allow: ORGANIZERS, on: "the upcoming activity's questions on RSVP" },
  "app/activities/[id]/organize/walk-in-actions.ts#recordMemberWalkInAction": { allow: ORGANIZERS, on: "the target organizer, who walked in to the past activity" },
  "app/activities/[id]/organize/walk-in-actions.ts#recordNamedWalkInAction": { allow: ORGANIZERS, on: "the past activity (a first name)" },
  "app/activities/[id]/organize/walk-in-actions.ts#removeWalkInAction": { allow: ORGANIZERS, on: "the past activity's walk-in by first name" },
  "app/activities/[id]/organize/walk-in-actions.ts#messageListAction": { allow: ORGANIZERS, on: "the upcoming activity (every member of the group)" },
  "app/groups/[slug]/manage/announce-actions.ts#announceToGroupAction": { allow: ORGANIZERS, on: "the group (an announcement)" },
  "app/groups/[slug]/projects/new/actions.ts#createProjectAction": { allow: ORGANIZERS, on: "the group" },
  "app/projects/[id]/edit/actions.ts#updateProjectAction": { allow: ORGANIZERS, on: "the project" },
  "app/projects/[id]/actions.ts#createTaskAction": { allow: ORGANIZERS, on: "the project" },
  "app/projects/[id]/actions.ts#updateTaskAction": { allow: ORGANIZERS, on: "the task" },
  "app/projects/[id]/actions.ts#removeTaskAction": { allow: ORGANIZERS, apart: true, on: "the task" },
  "app/projects/[id]/actions.ts#assignTaskAction": { allow: ORGANIZERS, on: "the task, for the target" },
  "app/projects/[id]/actions.ts#unassignTaskAction": { allow: ORGANIZERS, on: "the claimant's place" },
  "app/projects/[id]/actions.ts#verifyTaskAction": { allow: ORGANIZERS, on: "the claimant's done part" },
  "app/projects/[id]/actions.ts#sendBackTaskAction": { allow: ORGANIZERS, on: "the claimant's done part" },

  // Moderation and the admin's tools.
  "components/moderation/actions.ts#decideReportAction": { apart: true, allow: MODERATORS, on: "the open report about the member's comment (dismiss)" },
  "components/moderation/actions.ts#restoreReportedAction": { apart: true, allow: MODERATORS, on: "the hidden comment's report" },
  "app/admin/email/actions.ts#retryEmailAction": { allow: ["admin"], on: "a failed email" },

  // The JSON API.
  [`${A}/[...path]/route.ts#POST`]: { allow: NOBODY, on: "an address that is no endpoint" },
  [`${A}/[...path]/route.ts#PUT`]: { allow: NOBODY, on: "an address that is no endpoint" },
  [`${A}/[...path]/route.ts#PATCH`]: { allow: NOBODY, on: "an address that is no endpoint" },
  [`${A}/[...path]/route.ts#DELETE`]: { allow: NOBODY, on: "an address that is no endpoint" },
  // next-auth's own endpoints; a sign-out POST without its CSRF token changes nothing for anyone.
  [`${A}/auth/[...nextauth]/route.ts#POST`]: { allow: NOBODY, noop: true, on: "sign-out without next-auth's CSRF token" },
  // Only the end-to-end test server opens it (E2E_TEST_HOOKS); everywhere else it is a 404.
  [`${A}/test/nudges/route.ts#POST`]: { allow: NOBODY, on: "the test-only nudge hook" },
  [`${A}/users/route.ts#POST`]: { allow: ["visitor"], sample: ["visitor"], on: "a new email" },
  [`${A}/tokens/route.ts#POST`]: { allow: ["visitor"], sample: ["visitor"], on: "the member's email and password" },
  [`${A}/tokens/route.ts#DELETE`]: { allow: ["member"], on: "the member's API token" },
  [`${A}/unsubscribe/[token]/route.ts#POST`]: { allow: ["visitor"], sample: ["visitor"], on: "the member's unsubscribe link" },
  [`${A}/me/plan/route.ts#PUT`]: { allow: SIGNED_IN, on: "the caller's plan" },
  [`${A}/me/partners/route.ts#POST`]: { allow: SIGNED_IN, on: "a new invite link" },
  [`${A}/me/partners/accept/route.ts#POST`]: { apart: true, allow: SIGNED_IN, on: "the target's invite link" },
  [`${A}/me/partners/[id]/route.ts#PATCH`]: { allow: ["member"], on: "the member's partnership (rhythm)" },
  [`${A}/me/partners/[id]/check-ins/route.ts#POST`]: { allow: ["member"], on: "the member's partnership" },
  [`${A}/activities/[id]/reflection/route.ts#POST`]: { allow: ["member"], on: "a past activity the member attended" },
  [`${A}/activities/[id]/rsvp/route.ts#POST`]: { allow: IN_GROUP, on: "the upcoming activity (maybe)" },
  [`${A}/activities/[id]/rsvp/route.ts#DELETE`]: { allow: IN_GROUP, on: "the upcoming activity" },
  [`${A}/activities/[id]/slots/[slotId]/route.ts#POST`]: { allow: IN_GROUP, on: "the slotted activity's slot with room" },
  [`${A}/activities/[id]/slots/[slotId]/route.ts#DELETE`]: { allow: IN_GROUP, on: "the slotted activity's slot they hold" },
  [`${A}/activities/[id]/skip/route.ts#POST`]: { allow: ["member"], on: "an occurrence the member has a standing place on" },
  [`${A}/series/[id]/standing/route.ts#POST`]: { allow: ORGANIZERS, noop: true, on: "the weekly series" },
  [`${A}/series/[id]/standing/route.ts#DELETE`]: { allow: ["member"], on: "the member's standing place" },
  [`${A}/activities/[id]/comments/route.ts#POST`]: { allow: IN_GROUP, on: "the upcoming activity" },
  [`${A}/projects/[id]/comments/route.ts#POST`]: { allow: IN_GROUP, on: "the project" },
  [`${A}/comments/[id]/route.ts#PATCH`]: { allow: ["member"], on: "the member's comment" },
  [`${A}/comments/[id]/route.ts#DELETE`]: { apart: true, allow: ["member", "organizer", "owner"], on: "the member's comment" },
  [`${A}/tasks/[id]/claim/route.ts#POST`]: { allow: IN_GROUP, on: "the task" },
  [`${A}/tasks/[id]/claim/route.ts#DELETE`]: { allow: ["member"], noop: true, on: "the task the member holds a place on" },
  [`${A}/tasks/[id]/done/route.ts#POST`]: { allow: ["member"], on: "the task the member holds a place on" },
  [`${A}/groups/[slug]/join/route.ts#POST`]: { allow: OUTSIDERS, noop: true, group: "public", on: "the group" },
  [`${A}/groups/[slug]/route.ts#PATCH`]: { allow: ORGANIZERS, on: "the group" },
  [`${A}/groups/[slug]/activities/route.ts#POST`]: { allow: ORGANIZERS, on: "the group" },
  [`${A}/groups/[slug]/projects/route.ts#POST`]: { allow: ORGANIZERS, on: "the group" },
  [`${A}/activities/[id]/route.ts#PATCH`]: { allow: ORGANIZERS, on: "the upcoming activity" },
  [`${A}/activities/[id]/cancel/route.ts#POST`]: { allow: ORGANIZERS, on: "the upcoming activity" },
  [`${A}/activities/[id]/attendance/route.ts#POST`]: { allow: ORGANIZERS, on: "the target at the past activity" },
  [`${A}/projects/[id]/route.ts#PATCH`]: { allow: ORGANIZERS, on: "the project" },
  [`${A}/projects/[id]/tasks/route.ts#POST`]: { allow: ORGANIZERS, on: "the project" },
  [`${A}/tasks/[id]/route.ts#PATCH`]: { allow: ORGANIZERS, on: "the task" },
  [`${A}/tasks/[id]/route.ts#DELETE`]: { allow: ORGANIZERS, apart: true, on: "the task" },
  // Pictures: covers by the group's organizers, a photo by its member. Removing a picture that is
  // not there is answered as done and changes nothing.
  [`${A}/covers/[subject]/[id]/route.ts#PUT`]: { allow: ORGANIZERS, on: "the upcoming activity's cover" },
  [`${A}/covers/[subject]/[id]/route.ts#DELETE`]: { allow: ORGANIZERS, mayChangeNothing: true, on: "the upcoming activity's cover (none yet)" },
  [`${A}/me/photo/route.ts#PUT`]: { allow: SIGNED_IN, on: "the caller's photo" },
  [`${A}/me/photo/route.ts#DELETE`]: { allow: SIGNED_IN, mayChangeNothing: true, on: "the caller's photo (none yet)" },
  [`${A}/tasks/[id]/verify/route.ts#POST`]: { allow: ORGANIZERS, on: "the claimant's done part" },
};
