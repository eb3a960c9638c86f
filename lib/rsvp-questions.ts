import { z } from "zod";
import { plainText } from "./validation/text";
import { say, words } from "@/lib/i18n/said";
import { answerField, MAX_ANSWER, MAX_CHOICE, MAX_CHOICES, MAX_PROMPT, MAX_QUESTIONS, QUESTION_KINDS, type QuestionKind, type RsvpAnswers, type RsvpQuestion } from "./rsvp-question-shape";

/*
 * Questions on RSVP: an organizer asks a handful of things of the people coming (a dietary need,
 * a T-shirt size, "can you bring a flask?"), and members answer when they say they're going.
 * Only the group's organizers and the member see an answer. The rules here are pure: the
 * organize page's form, the RSVP form and the RSVP mutation share them.
 */

export { answerField, MAX_ANSWER, MAX_CHOICE, MAX_CHOICES, MAX_PROMPT, MAX_QUESTIONS, QUESTION_KINDS, type QuestionKind, type RsvpAnswers, type RsvpQuestion };

const QUESTION_ID = /^q[0-9a-z]{6,20}$/;

export const newQuestionId = () => `q${globalThis.crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;

const slotSchema = z.object({
  id: z.string().optional().transform((v) => (v && QUESTION_ID.test(v) ? v : undefined)),
  prompt: z.string(words("validation.rsvpQuestions.writeQuestion")).overwrite(plainText).trim().max(MAX_PROMPT, words("validation.rsvpQuestions.questionTooLong", { max: MAX_PROMPT })),
  kind: z.enum(QUESTION_KINDS, words("validation.rsvpQuestions.chooseKind")),
  required: z.boolean(),
  choices: z
    .string()
    .max(MAX_CHOICES * (MAX_CHOICE + 2), words("validation.rsvpQuestions.tooManyChoices"))
    .transform((v) => [...new Set(plainText(v).split(/\r?\n/).map((c) => c.trim()).filter(Boolean))]),
});

/** One slot of the organize page's form, as read from the form. */
export type QuestionSlotInput = z.input<typeof slotSchema>;

/**
 * The organizer's questions, from the form's slots (an empty prompt leaves a slot unused).
 * Field errors are keyed `q<slot>.<field>`, to show beside that slot's field.
 */
export function parseQuestionSlots(slots: QuestionSlotInput[]): { ok: true; questions: RsvpQuestion[] } | { ok: false; fieldErrors: Record<string, string> } {
  const fieldErrors: Record<string, string> = {};
  const questions: RsvpQuestion[] = [];
  if (slots.length > MAX_QUESTIONS) return { ok: false, fieldErrors: { _: say("validation.rsvpQuestions.atMostQuestions", { max: MAX_QUESTIONS }) } };
  slots.forEach((raw, i) => {
    const parsed = slotSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      fieldErrors[`q${i}.${String(issue.path[0] ?? "prompt")}`] = issue.message;
      return;
    }
    const slot = parsed.data;
    if (!slot.prompt) return;
    if (slot.kind === "choice") {
      if (slot.choices.length < 2) fieldErrors[`q${i}.choices`] = say("validation.rsvpQuestions.atLeastTwoChoices");
      else if (slot.choices.length > MAX_CHOICES) fieldErrors[`q${i}.choices`] = say("validation.rsvpQuestions.atMostChoices", { max: MAX_CHOICES });
      else if (slot.choices.some((c) => c.length > MAX_CHOICE)) fieldErrors[`q${i}.choices`] = say("validation.rsvpQuestions.choiceTooLong", { max: MAX_CHOICE });
    }
    questions.push({ id: slot.id ?? newQuestionId(), kind: slot.kind, prompt: slot.prompt, required: slot.required, choices: slot.kind === "choice" ? slot.choices : [] });
  });
  if (new Set(questions.map((q) => q.id)).size !== questions.length) return { ok: false, fieldErrors: { _: say("validation.rsvpQuestions.sameId") } };
  return Object.keys(fieldErrors).length ? { ok: false, fieldErrors } : { ok: true, questions };
}

/** A member's answers as posted: `answer.<id>` fields, anything else ignored. */
export function readAnswers(form: FormData): RsvpAnswers {
  const out: RsvpAnswers = {};
  for (const [name, value] of form.entries()) {
    if (!name.startsWith("answer.") || typeof value !== "string") continue;
    const id = name.slice("answer.".length);
    if (QUESTION_ID.test(id)) out[id] = value;
  }
  return out;
}

/** Zod's view of posted answers, for the action's input step: strings, not too many, not too long each. */
export const answersSchema = z
  .record(z.string(), z.string().max(10_000, words("validation.rsvpQuestions.eachAnswerTooLong", { max: MAX_ANSWER })))
  .refine((r) => Object.keys(r).length <= MAX_QUESTIONS * 2, words("validation.rsvpQuestions.tooManyAnswers"));

/**
 * Checks a member's answers against the activity's current questions and merges them over what
 * they answered before. A required question with no answer (given now or before), a choice not
 * offered, a yes/no that is neither and an over-long answer are each refused beside its field
 * (`answer.<id>`). Answers to questions the activity no longer asks are dropped.
 */
export function checkAnswers(questions: RsvpQuestion[], given: RsvpAnswers, before: RsvpAnswers = {}): { ok: true; answers: RsvpAnswers } | { ok: false; message: string; fieldErrors: Record<string, string> } {
  const fieldErrors: Record<string, string> = {};
  const answers: RsvpAnswers = {};
  for (const q of questions) {
    const raw = Object.hasOwn(given, q.id) ? plainText(given[q.id] ?? "").trim() : (before[q.id] ?? "");
    const field = answerField(q.id);
    if (!raw) {
      if (q.required) fieldErrors[field] = q.kind === "text" ? say("validation.rsvpQuestions.answerThis") : say("validation.rsvpQuestions.chooseAnAnswer");
      continue;
    }
    if (raw.length > MAX_ANSWER) fieldErrors[field] = say("validation.rsvpQuestions.answerTooLong", { max: MAX_ANSWER });
    else if (q.kind === "choice" && !q.choices.includes(raw)) fieldErrors[field] = say("validation.rsvpQuestions.chooseOffered");
    else if (q.kind === "yes_no" && raw !== "yes" && raw !== "no") fieldErrors[field] = say("validation.rsvpQuestions.chooseYesNo");
    else answers[q.id] = raw;
  }
  if (Object.keys(fieldErrors).length) return { ok: false, message: say("validation.rsvpQuestions.answerMarked"), fieldErrors };
  return { ok: true, answers };
}

/** An answer as an organizer reads it. */
export function answerText(q: RsvpQuestion, answer: string | undefined): string {
  if (!answer) return "";
  if (q.kind === "yes_no") return answer === "yes" ? "Yes" : "No";
  return answer;
}

/**
 * The answers an RSVP keeps after an answer of `next`: the RSVP mutation's one call here. Someone
 * taking a place (or sending answers while holding one) is checked against the questions; a place
 * from a standing place asks nothing (nobody is there to answer); other answers keep what was said.
 */
export function answersOnRsvp(
  questions: RsvpQuestion[],
  next: string,
  existing: { status: string; answers: RsvpAnswers } | undefined,
  input: { answers?: RsvpAnswers; fromStandingPlace?: boolean },
): { ok: true; answers: RsvpAnswers } | { ok: false; message: string; fieldErrors: Record<string, string> } {
  const before = existing?.answers ?? {};
  const holdsPlace = existing?.status === "going" || existing?.status === "waitlisted";
  const taking = next === "going" || next === "waitlisted";
  if (!taking || questions.length === 0 || input.fromStandingPlace || (holdsPlace && input.answers === undefined)) return { ok: true, answers: before };
  return checkAnswers(questions, input.answers ?? {}, before);
}

export const sameAnswers = (a: RsvpAnswers, b: RsvpAnswers) => {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
};
