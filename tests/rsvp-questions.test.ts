import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { deleteAccount } from "@/db/mutations/account-deletion";
import { setRsvpQuestions } from "@/db/mutations/rsvp-questions";
import { respondToActivity } from "@/db/mutations/rsvps";
import { exportMemberData } from "@/db/queries/export";
import { getRsvpExtras } from "@/db/queries/rsvp-extras";
import { activities, rsvps } from "@/db/schema";
import { answerField, MAX_ANSWER, parseQuestionSlots, type RsvpQuestion } from "@/lib/rsvp-questions";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";

/* Questions on RSVP: organizers ask, members answer when going, only organizers and the member see answers. */

const slot = (prompt: string, kind: "text" | "choice" | "yes_no", required: boolean, choices = "") => ({ id: "", prompt, kind, required, choices });

async function activityWithQuestions() {
  const group = await makeGroup();
  const organizer = await makeUser();
  await addMember(group.id, organizer.id, "organizer");
  const activity = await makeActivity(group.id, { capacity: 5 });
  const parsed = parseQuestionSlots([slot("Anything we should know about food?", "text", false), slot("T-shirt size", "choice", true, "S\nM\nL"), slot("Can you bring a flask?", "yes_no", true)]);
  if (!parsed.ok) throw new Error("the questions should parse");
  expect(await setRsvpQuestions({ activityId: activity.id, actorId: organizer.id, questions: parsed.questions })).toEqual({ ok: true, count: 3 });
  const [food, size, flask] = parsed.questions;
  return { group, organizer, activity, food, size, flask };
}

async function rsvpOf(activityId: string, userId: string) {
  const db = await getDb();
  const [row] = await db.select().from(rsvps).where(and(eq(rsvps.activityId, activityId), eq(rsvps.userId, userId)));
  return row;
}

async function goingCount(activityId: string) {
  const db = await getDb();
  const [a] = await db.select({ n: activities.goingCount }).from(activities).where(eq(activities.id, activityId));
  return a.n;
}

describe("questions on RSVP", () => {
  it("an organizer's questions are refused beside the field when a one-choice question has no choices or a question is too long", () => {
    const none = parseQuestionSlots([slot("Which day?", "choice", true, "")]);
    expect(none).toEqual({ ok: false, fieldErrors: { "q0.choices": "Give at least two choices, one a line." } });
    const long = parseQuestionSlots([slot("x".repeat(201), "text", false)]);
    expect(long.ok).toBe(false);
    expect(!long.ok && long.fieldErrors["q0.prompt"]).toMatch(/under 200/);
    expect(parseQuestionSlots([slot("", "choice", true, "")])).toEqual({ ok: true, questions: [] });
  });

  it("only the group's organizers set questions, and not on an activity that has ended", async () => {
    const { group, activity } = await activityWithQuestions();
    const member = await makeUser();
    await addMember(group.id, member.id);
    expect(await setRsvpQuestions({ activityId: activity.id, actorId: member.id, questions: [] })).toMatchObject({ ok: false, code: "forbidden" });
    const organizer = await makeUser();
    await addMember(group.id, organizer.id, "organizer");
    const past = await makeActivity(group.id, { startsInHours: -5 });
    expect(await setRsvpQuestions({ activityId: past.id, actorId: organizer.id, questions: [] })).toMatchObject({ ok: false, code: "closed" });
    const db = await getDb();
    const [a] = await db.select({ q: activities.rsvpQuestions }).from(activities).where(eq(activities.id, activity.id));
    expect(a.q).toHaveLength(3);
  });

  it("going without answering a needed question is refused beside that question, and changes nothing", async () => {
    const { activity, size, flask } = await activityWithQuestions();
    const member = await makeUser();
    const db = await getDb();
    const refused = await respondToActivity(db, { activityId: activity.id, userId: member.id, status: "going", answers: { [size.id]: "M" } });
    expect(refused).toMatchObject({ ok: false, code: "answers_needed", fieldErrors: { [answerField(flask.id)]: "Please choose an answer." } });
    expect(await rsvpOf(activity.id, member.id)).toBeUndefined();
    expect(await goingCount(activity.id)).toBe(0);
    // An answer that was never offered, a yes/no that is neither, and one too long are refused too.
    const odd = await respondToActivity(db, { activityId: activity.id, userId: member.id, status: "going", answers: { [size.id]: "XXL", [flask.id]: "maybe" } });
    expect(odd).toMatchObject({ ok: false, fieldErrors: { [answerField(size.id)]: "Choose one of the answers offered.", [answerField(flask.id)]: "Choose yes or no." } });
    const tooLong = await respondToActivity(db, { activityId: activity.id, userId: member.id, status: "going", answers: { [size.id]: "S", [flask.id]: "x".repeat(MAX_ANSWER + 1) } });
    expect(tooLong.ok).toBe(false);
    expect(await rsvpOf(activity.id, member.id)).toBeUndefined();
  });

  it("members answer when going, change their answers later, and organizers read them", async () => {
    const { activity, food, size, flask } = await activityWithQuestions();
    const member = await makeUser();
    const db = await getDb();
    const going = await respondToActivity(db, { activityId: activity.id, userId: member.id, status: "going", answers: { [food.id]: "No nuts please", [size.id]: "M", [flask.id]: "yes" } });
    expect(going).toMatchObject({ ok: true, state: { status: "going" } });
    expect((await rsvpOf(activity.id, member.id)).answers).toEqual({ [food.id]: "No nuts please", [size.id]: "M", [flask.id]: "yes" });
    const changed = await respondToActivity(db, { activityId: activity.id, userId: member.id, status: "going", answers: { [size.id]: "L", [flask.id]: "no" } });
    expect(changed).toMatchObject({ ok: true, changed: true });
    // A text answer left out of the form keeps what was said before.
    expect((await rsvpOf(activity.id, member.id)).answers).toEqual({ [food.id]: "No nuts please", [size.id]: "L", [flask.id]: "no" });
    expect(await goingCount(activity.id)).toBe(1);
    const extras = await getRsvpExtras(activity.id);
    expect(extras.questions.map((q: RsvpQuestion) => q.prompt)).toEqual(["Anything we should know about food?", "T-shirt size", "Can you bring a flask?"]);
    expect(extras.rows.find((r) => r.userId === member.id)?.answers[size.id]).toBe("L");
  });

  it("a member's answers are in their data export and go with their account", async () => {
    const { activity, size, flask } = await activityWithQuestions();
    const member = await makeUser();
    const db = await getDb();
    await respondToActivity(db, { activityId: activity.id, userId: member.id, status: "going", answers: { [size.id]: "S", [flask.id]: "yes" } });
    const exported = await exportMemberData(member.id);
    expect(JSON.stringify(exported.rsvps)).toContain(`"${size.id}":"S"`);
    expect((await deleteAccount(member.id)).ok).toBe(true);
    expect(await rsvpOf(activity.id, member.id)).toBeUndefined();
    expect((await getRsvpExtras(activity.id)).rows.find((r) => r.userId === member.id)).toBeUndefined();
  });
});
