/*
 * The shape of questions on RSVP and their limits, with nothing else: the RSVP form in the
 * browser reads these, and importing the rules (lib/rsvp-questions.ts, which parse with zod)
 * would send zod and every validation message to every activity page.
 */

export const QUESTION_KINDS = ["text", "choice", "yes_no"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface RsvpQuestion {
  /** Stable while the question is kept, so answers stay with it when others change. */
  id: string;
  kind: QuestionKind;
  prompt: string;
  required: boolean;
  /** Only for "choice": what may be chosen. */
  choices: string[];
}

/** Answers by question id. */
export type RsvpAnswers = Record<string, string>;

/** How many questions an activity may ask, and how many slots the form offers. */
export const MAX_QUESTIONS = 5;
export const MAX_CHOICES = 8;
export const MAX_PROMPT = 200;
export const MAX_CHOICE = 80;
export const MAX_ANSWER = 300;

/** The form field that carries the answer to a question. */
export const answerField = (questionId: string) => `answer.${questionId}`;
