import { z } from "zod";
import { plainText } from "./text";
import { answersSchema } from "../rsvp-questions";
import { say, words } from "@/lib/i18n/said";

/*
 * RSVP, attendance, go-together and token inputs, shared by the forms, the server actions
 * and the JSON API, plus the words members see for each RSVP state.
 */

export const rsvpAnswers = ["going", "maybe", "not_going"] as const;
export type RsvpAnswerValue = (typeof rsvpAnswers)[number];

export const rsvpAnswerSchema = z.enum(rsvpAnswers, words("validation.rsvpState.chooseAnswer"));

/** A checkbox posts "on" when ticked and nothing when not; the API sends booleans. */
const checkbox = z.union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false")]).transform((v) => v === true || v === "on" || v === "true");

export const rsvpFormSchema = z.object({
  status: rsvpAnswerSchema,
  goTogether: checkbox.optional().default(false),
  offersToGreet: checkbox.optional().default(false),
  /** Answers to the activity's questions on RSVP, when the form showed them. */
  answers: answersSchema.optional(),
});

export const rsvpBodySchema = z.object(
  {
    status: rsvpAnswerSchema,
    goTogether: z.boolean(words("validation.rsvp.gotogetherMustTrueFalse")).optional(),
    offersToGreet: z.boolean(words("validation.rsvp.offerstogreetMustTrueFalse")).optional(),
  },
  words("validation.rsvp.sendJsonObject"),
);

export const attendanceValues = ["attended", "no_show"] as const;
export const attendanceValueSchema = z.enum(attendanceValues, words("validation.rsvpState.chooseAttendance"));

/** Either one member's attendance, or `{"allGoing": true}` to mark everyone going as attended. */
export const attendanceBodySchema = z
  .object(
    {
      userId: z.uuid(words("validation.rsvp.useridMustMemberId")).optional(),
      attendance: attendanceValueSchema.optional(),
      allGoing: z.literal(true, words("validation.rsvp.allgoingMustTrueWhen")).optional(),
    },
    words("validation.rsvp.sendJsonObject"),
  )
  .superRefine((value, ctx) => {
    if (value.allGoing) return;
    if (!value.userId) ctx.addIssue({ code: "custom", path: ["userId"], message: say("validation.rsvpState.giveUserId") });
    if (!value.attendance) ctx.addIssue({ code: "custom", path: ["attendance"], message: say("validation.rsvpState.chooseAttendance") });
  });

export const attendanceFormSchema = z.object({
  userId: z.uuid(words("validation.group.chooseMember")),
  attendance: attendanceValueSchema,
});

export const pairGreeterSchema = z.object({
  memberId: z.uuid(words("validation.rsvp.chooseWhoNeedsGreeter")),
  greeterId: z.uuid(words("validation.rsvp.chooseGreeter")),
});

export const tokenNameSchema = z.string(words("validation.rsvp.giveTokenName")).overwrite(plainText).trim().min(1, words("validation.rsvp.giveTokenName")).max(60, words("validation.rsvp.keepNameUnderCharacters"));

export const createTokenSchema = z.object({ name: tokenNameSchema });

export const tokenRequestSchema = z.object({
  email: z.string(words("validation.auth.emailRequired")).min(1, words("validation.auth.emailRequired")).max(254, words("validation.auth.emailTooLong")),
  password: z.string(words("validation.auth.passwordRequired")).min(1, words("validation.auth.passwordRequired")).max(200, words("validation.auth.passwordTooLong")),
  name: tokenNameSchema.optional().default("API token"),
});

export const privacySchema = z.object({ listedAsGoing: checkbox.optional().default(false) });

export type RsvpStateValue = { status: "going" | "waitlisted" | "maybe" | "not_going"; position?: number };


/** What a member is told after answering; `changed` false means the same answer arrived twice. */
export function rsvpStateMessage(state: RsvpStateValue, changed = true): string {
  switch (state.status) {
    case "going":
      return say(changed ? "validation.rsvpState.going" : "validation.rsvpState.alreadyGoing");
    case "waitlisted":
      if (state.position) return say(changed ? "validation.rsvpState.waitlisted" : "validation.rsvpState.stillWaitlisted", { position: state.position });
      return say(changed ? "validation.rsvpState.waitlistedNoPosition" : "validation.rsvpState.stillWaitlistedNoPosition");
    case "maybe":
      return say("validation.rsvpState.maybe");
    case "not_going":
      return say(changed ? "validation.rsvpState.notGoing" : "validation.rsvpState.notDown");
  }
}
