import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { describe, expect, it, vi } from "vitest";

vi.mock("@/server/auth/config", async (original) => (await import("./helpers/session")).mockAuthConfig(await original()));
vi.mock("next/headers", async () => (await import("./helpers/session")).mockNextHeaders());

import { getDb } from "@/db/client";
import { handOverGroup } from "@/db/mutations/group-ownership";
import { createTask } from "@/db/mutations/projects";
import { respondToActivity } from "@/db/mutations/rsvps";
import { setActivitySlots } from "@/db/mutations/slots";
import { claimTask, markTaskDone, verifyTaskClaim } from "@/db/mutations/task-claims";
import { authorize } from "@/lib/authz";
import { formatDay } from "@/lib/dates";
import type { UiLocale } from "@/lib/i18n/locales";
import { checkAnswers, type RsvpQuestion } from "@/lib/rsvp-questions";
import type { TaskInput } from "@/lib/validation/project";
import { parseSlotLines } from "@/lib/validation/slots";
import { speaking } from "@/server/speaking";
import { addMember, makeActivity, makeGroup, makeProject, makeTask, makeUser } from "./helpers/factories";

/*
 * The data layer's refusals and the checks beside it (a full task, a project that is not
 * there, an activity taken through its time slots, a question left unanswered, a role the
 * member does not hold) are said in the language of the request they answer: Spanish for a
 * request in Spanish, English for any other and outside a request.
 */

/** The same request made in Spanish, in English, and outside any request. */
async function each<T>(work: () => Promise<T>): Promise<{ es: T; en: T; none: T }> {
  return { es: await speaking("es", work), en: await speaking("en", work), none: await work() };
}

async function fullTask() {
  const group = await makeGroup();
  const [first, second] = await Promise.all([makeUser(), makeUser()]);
  await addMember(group.id, first.id);
  await addMember(group.id, second.id);
  const task = await makeTask((await makeProject(group.id)).id, { placesNeeded: 1 });
  expect(await claimTask(await getDb(), { taskId: task.id, actor: first })).toMatchObject({ ok: true });
  return { task, second };
}

describe("the data layer's refusals in the request's language", () => {
  it("a member claiming a full task is told all places are taken, in Spanish when the request is", async () => {
    const { task, second } = await fullTask();
    const answers = await each(async () => claimTask(await getDb(), { taskId: task.id, actor: second }));
    expect(answers.es).toEqual({ ok: false, code: "full", message: "Todos los lugares de esta tarea ya están tomados. Gracias por ofrecerte: otras tareas quizá todavía necesiten gente." });
    for (const english of [answers.en, answers.none]) {
      expect(english).toEqual({ ok: false, code: "full", message: "All places on this task are taken. Thank you for offering — other tasks may still need people." });
    }
  });

  it("an organizer verifying hours is told how many in words of the request's language, plural and all", async () => {
    const group = await makeGroup();
    const [organizer, member] = await Promise.all([makeUser(), makeUser()]);
    await addMember(group.id, organizer.id, "organizer");
    await addMember(group.id, member.id);
    const said: Record<string, string | undefined> = {};
    for (const [locale, hours] of [["es", 2], ["en", 1]] as const) {
      const task = await makeTask((await makeProject(group.id)).id, { placesNeeded: 1 });
      expect(await claimTask(await getDb(), { taskId: task.id, actor: member })).toMatchObject({ ok: true });
      expect(await markTaskDone(await getDb(), { taskId: task.id, actor: member })).toMatchObject({ ok: true });
      const verified = await speaking(locale, async () => verifyTaskClaim(await getDb(), { taskId: task.id, actor: organizer, userId: member.id, hours }));
      said[locale] = verified.ok ? verified.message : undefined;
    }
    expect(said.es).toBe("Verificado. Horas registradas: 2 horas.");
    expect(said.en).toBe("Verified: 1 hour recorded.");
  });

  it("adding a task to a project that is not there says so, in Spanish when the request is", async () => {
    const organizer = await makeUser();
    const input = { title: "Paint the fence", placesNeeded: 2 } as TaskInput;
    const answers = await each(() => createTask(organizer, randomUUID(), input, "Europe/London"));
    expect(answers.es).toMatchObject({ ok: false, code: "not_found", message: "No encontramos ese proyecto." });
    expect(answers.en).toMatchObject({ ok: false, code: "not_found", message: "We couldn't find that project." });
    expect(answers.none).toEqual(answers.en);
  });

  it("answering Going to an activity with time slots asks for a slot, in Spanish when the request is", async () => {
    const group = await makeGroup();
    const [organizer, member] = await Promise.all([makeUser(), makeUser()]);
    await addMember(group.id, organizer.id, "organizer");
    await addMember(group.id, member.id);
    const day = DateTime.now().setZone("Europe/London").plus({ days: 2 }).startOf("day");
    const activity = await makeActivity(group.id, { timezone: "Europe/London", startsAt: day.set({ hour: 9 }).toJSDate(), endsAt: day.set({ hour: 15 }).toJSDate() });
    const parsed = parseSlotLines("09:00-11:00 5", activity);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(await setActivitySlots({ activityId: activity.id, actorId: organizer.id, slots: parsed.slots })).toMatchObject({ ok: true });
    const answers = await each(async () => respondToActivity(await getDb(), { activityId: activity.id, userId: member.id, status: "going" }));
    expect(answers.es).toEqual({ ok: false, code: "closed", message: "Esta actividad tiene turnos: elige uno (o más) en su página para tomar un lugar." });
    expect(answers.en).toEqual({ ok: false, code: "closed", message: "This activity has time slots: choose one (or more) on its page to take a place." });
    expect(answers.none).toEqual(answers.en);
  });

  it("a slot line outside the activity names the activity's days and times in the request's language", async () => {
    const zone = "Europe/London";
    const first = DateTime.fromISO("2027-06-05T09:00", { zone });
    const bounds = { startsAt: first.toJSDate(), endsAt: first.plus({ days: 1, hours: 6 }).toJSDate(), timezone: zone };
    const answers = await each(async () => parseSlotLines("2027-06-08 09:00-11:00 5", bounds));
    const messageOf = (r: ReturnType<typeof parseSlotLines>) => (r.ok ? "" : r.message);
    expect(messageOf(answers.es)).toContain(formatDay(bounds.endsAt, zone, "es"));
    expect(messageOf(answers.es)).not.toContain(formatDay(bounds.endsAt, zone, "en"));
    expect(messageOf(answers.en)).toContain(formatDay(bounds.endsAt, zone, "en"));
    expect(answers.none).toEqual(answers.en);
  });

  it("an organizer who is not the owner cannot hand the group over, told in Spanish when the request is", async () => {
    const group = await makeGroup();
    const [owner, organizer] = await Promise.all([makeUser(), makeUser()]);
    await addMember(group.id, owner.id, "owner");
    await addMember(group.id, organizer.id, "organizer");
    const answers = await each(() => handOverGroup(organizer, group.id, owner.id));
    expect(answers.es).toMatchObject({ ok: false, code: "forbidden", message: "Solo la persona dueña de este grupo puede traspasarlo." });
    expect(answers.en).toMatchObject({ ok: false, code: "forbidden", message: "Only the owner of this group can hand it over." });
    expect(answers.none).toEqual(answers.en);
  });
});

describe("the checks beside the data layer in the request's language", () => {
  const questions: RsvpQuestion[] = [
    { id: "qcolour01", prompt: "Which team?", kind: "choice", required: true, choices: ["Blue", "Green"] },
    { id: "qdiet0001", prompt: "Anything we should know?", kind: "text", required: true, choices: [] },
  ];
  const say = (lang: UiLocale | "none", work: () => unknown) => (lang === "none" ? work() : speaking(lang, async () => work()));

  it("a question answered with a choice not offered, or left empty, is marked beside its field", async () => {
    const check = () => checkAnswers(questions, { qcolour01: "Purple" });
    expect(await say("es", check)).toEqual({
      ok: false,
      message: "El equipo organizador hizo algunas preguntas: responde las que están marcadas, por favor.",
      fieldErrors: { "answer.qcolour01": "Elige una de las respuestas que se ofrecen.", "answer.qdiet0001": "Responde esta pregunta, por favor." },
    });
    for (const lang of ["en", "none"] as const) {
      expect(await say(lang, check)).toEqual({
        ok: false,
        message: "The organizers asked a few questions: please answer the ones marked.",
        fieldErrors: { "answer.qcolour01": "Choose one of the answers offered.", "answer.qdiet0001": "Please answer this question." },
      });
    }
  });

  it("a role the member does not hold, or no member at all, is refused in the request's language", async () => {
    const member = { role: "member", status: "active" } as const;
    const refusals = () => [authorize({ id: randomUUID() }, member, "organizer"), authorize({ id: randomUUID() }, member, "owner"), authorize(null, member, "member")].map((r) => !r.ok && r.message);
    expect(await say("es", refusals)).toEqual(["Solo quienes organizan este grupo pueden hacer eso.", "Solo la persona dueña de este grupo puede hacer eso.", "Primero inicia sesión, por favor."]);
    for (const lang of ["en", "none"] as const) {
      expect(await say(lang, refusals)).toEqual(["Only organizers of this group can do that.", "Only the owner of this group can do that.", "Please sign in first."]);
    }
  });

  it("a slot line that cannot be read names its line, in the request's language", async () => {
    const bounds = { startsAt: new Date("2030-06-01T08:00:00Z"), endsAt: new Date("2030-06-01T14:00:00Z"), timezone: "Europe/London" };
    const parse = () => parseSlotLines("09:00-11:00 5\nafter lunch", bounds);
    expect(await say("es", parse)).toEqual({ ok: false, message: "Línea 2 («after lunch»): escribe un turno con su hora de inicio y de fin, y luego sus lugares, así: «09:00-11:00 5»." });
    expect(await say("none", parse)).toEqual({ ok: false, message: "Line 2 (“after lunch”): write a slot as a start and end time, then its places, like “09:00-11:00 5”." });
  });
});
