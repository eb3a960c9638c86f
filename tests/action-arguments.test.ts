import { describe, expect, it } from "vitest";
import { signInAction, signUpAction } from "@/app/(auth)/actions";
import { createTokenAction, deleteAccountAction, revokeTokenAction, updatePrivacyAction, updateProfileAction } from "@/app/account/actions";
import { standingPlaceAction } from "@/app/activities/[id]/_components/standing-place-actions";
import { rsvpToActivityAction, withdrawRsvpAction } from "@/app/activities/[id]/actions";
import { cancelActivityAction, updateActivityAction } from "@/app/activities/[id]/edit/actions";
import { markAllAttendedAction, markAttendanceAction, pairGreeterAction } from "@/app/activities/[id]/organize/actions";
import { createActivityAction } from "@/app/groups/[slug]/activities/new/actions";
import { joinGroupAction, joinGroupWithInviteAction, leaveGroupAction } from "@/app/groups/[slug]/join/actions";
import { changeMemberAction, handOverGroupAction, renewInviteLinkAction } from "@/app/groups/[slug]/manage/actions";
import { updateGroupAction } from "@/app/groups/[slug]/settings/actions";
import { createGroupAction } from "@/app/groups/new/actions";
import { savePlanAction } from "@/app/me/actions";
import { reflectOnActivityAction } from "@/components/reflection-actions";
import { acceptInviteLinkAction, addCheckInAction, changePartnershipAction, changeRhythmAction, createInviteLinkAction, invitePersonAction } from "@/app/me/partners/actions";
import { markNotificationReadAction } from "@/app/notifications/actions";
import { blockCommentAuthorAction, editCommentAction, postCommentAction, removeCommentAction } from "@/components/discussion/actions";
import { createProjectAction } from "@/app/groups/[slug]/projects/new/actions";
import {
  assignTaskAction,
  claimTaskAction,
  createTaskAction,
  markTaskDoneAction,
  releaseTaskAction,
  removeTaskAction,
  sendBackTaskAction,
  unassignTaskAction,
  updateTaskAction,
  verifyTaskAction,
} from "@/app/projects/[id]/actions";
import { updateProjectAction } from "@/app/projects/[id]/edit/actions";
import { decideReportAction, restoreReportedAction } from "@/components/moderation/actions";
import { reportAction } from "@/app/report/actions";
import { notForms, prevs } from "./helpers/action-calls";

/*
 * A server action is a public endpoint: anyone holding its id can post any arguments, not
 * only the FormData its form sends (e.g. a text body ["a","b",null,"$K1"]). Each action
 * answers such a call with its usual "please check the form" result, never a 500.
 */
const ID = "00000000-0000-4000-8000-000000000001";

type Call = [string, (form: unknown, prev: unknown) => Promise<unknown>];
const calls: Call[] = [
  ["signInAction", (f, p) => signInAction(p as never, f as never)],
  ["signUpAction", (f, p) => signUpAction(p as never, f as never)],
  ["updatePrivacyAction", (f, p) => updatePrivacyAction(p as never, f as never)],
  ["createTokenAction", (f, p) => createTokenAction(p as never, f as never)],
  ["updateProfileAction", (f, p) => updateProfileAction(p as never, f as never)],
  ["deleteAccountAction", (f, p) => deleteAccountAction(p as never, f as never)],
  ["revokeTokenAction", (f, p) => revokeTokenAction(p as never, f as never)],
  ["standingPlaceAction", (f, p) => standingPlaceAction(ID, ID, p as never, f as never)],
  ["rsvpToActivityAction", (f, p) => rsvpToActivityAction(p as never, f as never)],
  ["withdrawRsvpAction", (f, p) => withdrawRsvpAction(p as never, f as never)],
  ["updateActivityAction", (f, p) => updateActivityAction(ID, p as never, f as never)],
  ["cancelActivityAction", (f, p) => cancelActivityAction(ID, p as never, f as never)],
  ["markAttendanceAction", (f, p) => markAttendanceAction(p as never, f as never)],
  ["markAllAttendedAction", (f, p) => markAllAttendedAction(p as never, f as never)],
  ["pairGreeterAction", (f, p) => pairGreeterAction(p as never, f as never)],
  ["createActivityAction", (f, p) => createActivityAction(ID, p as never, f as never)],
  ["joinGroupAction", (f, p) => joinGroupAction(ID, "a-group", p as never, f as never)],
  ["joinGroupWithInviteAction", (f, p) => joinGroupWithInviteAction(ID, "a-group", "code", p as never, f as never)],
  ["leaveGroupAction", (f, p) => leaveGroupAction(ID, "a-group", p as never, f as never)],
  ["changeMemberAction", (f, p) => changeMemberAction(ID, "a-group", p as never, f as never)],
  ["handOverGroupAction", (f, p) => handOverGroupAction(ID, "a-group", p as never, f as never)],
  ["renewInviteLinkAction", (f, p) => renewInviteLinkAction(ID, "a-group", p as never, f as never)],
  ["updateGroupAction", (f, p) => updateGroupAction(ID, "a-group", p as never, f as never)],
  ["createGroupAction", (f, p) => createGroupAction(p as never, f as never)],
  ["createProjectAction", (f, p) => createProjectAction(ID, p as never, f as never)],
  ["updateProjectAction", (f, p) => updateProjectAction(ID, p as never, f as never)],
  ["createTaskAction", (f, p) => createTaskAction(ID, p as never, f as never)],
  ["claimTaskAction", (f, p) => claimTaskAction(p as never, f as never)],
  ["releaseTaskAction", (f, p) => releaseTaskAction(p as never, f as never)],
  ["markTaskDoneAction", (f, p) => markTaskDoneAction(p as never, f as never)],
  ["assignTaskAction", (f, p) => assignTaskAction(p as never, f as never)],
  ["unassignTaskAction", (f, p) => unassignTaskAction(p as never, f as never)],
  ["verifyTaskAction", (f, p) => verifyTaskAction(p as never, f as never)],
  ["sendBackTaskAction", (f, p) => sendBackTaskAction(p as never, f as never)],
  ["updateTaskAction", (f, p) => updateTaskAction(ID, p as never, f as never)],
  ["removeTaskAction", (f, p) => removeTaskAction(p as never, f as never)],
  ["postCommentAction", (f, p) => postCommentAction(p as never, f as never)],
  ["editCommentAction", (f, p) => editCommentAction(p as never, f as never)],
  ["removeCommentAction", (f, p) => removeCommentAction(p as never, f as never)],
  ["blockCommentAuthorAction", (f, p) => blockCommentAuthorAction(p as never, f as never)],
  ["savePlanAction", (f, p) => savePlanAction(p as never, f as never)],
  ["reflectOnActivityAction", (f, p) => reflectOnActivityAction(p as never, f as never)],
  ["createInviteLinkAction", (f, p) => createInviteLinkAction(p as never, f as never)],
  ["invitePersonAction", (f, p) => invitePersonAction(p as never, f as never)],
  ["acceptInviteLinkAction", (f, p) => acceptInviteLinkAction(p as never, f as never)],
  ["changePartnershipAction", (f, p) => changePartnershipAction(p as never, f as never)],
  ["changeRhythmAction", (f, p) => changeRhythmAction(p as never, f as never)],
  ["addCheckInAction", (f, p) => addCheckInAction(p as never, f as never)],
  ["reportAction", (f, p) => reportAction(p as never, f as never)],
  ["decideReportAction", (f, p) => decideReportAction(p as never, f as never)],
  ["restoreReportedAction", (f, p) => restoreReportedAction(p as never, f as never)],
];

describe("server actions called with something other than a form", () => {
  for (const [name, call] of calls) {
    it(`${name} answers "please reload and try again" instead of failing`, async () => {
      for (const form of notForms) {
        for (const prev of prevs) {
          const result = await call(form, prev);
          expect(result, `${name}(${JSON.stringify(prev)}, ${JSON.stringify(form)})`).toMatchObject({ ok: false, code: "invalid_input", message: expect.stringMatching(/reload/i) });
        }
      }
    });
  }

  it("marking a notification read ignores a call without a form", async () => {
    for (const form of notForms) await expect(markNotificationReadAction(form as never)).resolves.toBeUndefined();
  });
});
