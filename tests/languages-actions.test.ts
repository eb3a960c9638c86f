import { DateTime } from "luxon";
import { afterEach, describe, expect, it, vi } from "vitest";
import { changePasswordAction, createFeedAction, saveEmailPreferencesAction } from "@/app/account/actions";
import { subscribePushAction } from "@/app/account/push/actions";
import { rsvpToActivityAction } from "@/app/activities/[id]/actions";
import { standingPlaceAction } from "@/app/activities/[id]/_components/standing-place-actions";
import { cancelActivityAction } from "@/app/activities/[id]/edit/actions";
import { setRsvpQuestionsAction } from "@/app/activities/[id]/organize/question-actions";
import { setSlotsAction } from "@/app/activities/[id]/organize/slot-actions";
import { createActivityAction } from "@/app/groups/[slug]/activities/new/actions";
import { changeMemberAction } from "@/app/groups/[slug]/manage/actions";
import { invitePersonAction } from "@/app/me/partners/actions";
import manifest from "@/app/manifest";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";
import { actAs, askAs } from "./helpers/session";

vi.mock("@/server/auth/config", async (original) => (await import("./helpers/session")).mockAuthConfig(await original()));
vi.mock("next/headers", async () => (await import("./helpers/session")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("./helpers/session")).mockNextCache());

/*
 * An action's own refusals (not only its schema's) are said in the language of the page it
 * was posted from; the same refusals stay English for everyone else.
 */

afterEach(() => {
  askAs();
  actAs(null);
});

function form(fields: Record<string, string> = {}): FormData {
  const out = new FormData();
  for (const [name, value] of Object.entries(fields)) out.set(name, value);
  return out;
}

const id = () => crypto.randomUUID();

/** Each refusal, asked once in Spanish and once in English. */
const refusals: { name: string; ask: () => Promise<unknown>; es: object; en: object }[] = [
  {
    name: "an RSVP with no choice",
    ask: () => rsvpToActivityAction(null, form({ activityId: id(), status: "perhaps" })),
    es: { code: "invalid_input", message: "Elige Voy, Lo intentaré o Esta vez no." },
    en: { message: "Choose Going, I'll try or Not this time." },
  },
  {
    name: "an RSVP answer that is too long",
    ask: () => rsvpToActivityAction(null, form({ activityId: id(), status: "going", answers: "1", "answer.qabcdef1": "x".repeat(20_000) })),
    es: { code: "invalid_input", message: "Escribe cada respuesta en menos de 300 caracteres." },
    en: { message: "Keep each answer under 300 characters." },
  },
  {
    name: "a cancellation without the box ticked",
    ask: () => cancelActivityAction(id(), null, form()),
    es: { code: "invalid_input", message: "Marca la casilla para confirmar la cancelación." },
    en: { message: "Tick the box to confirm the cancellation." },
  },
  {
    name: "a ban without a reason",
    ask: () => changeMemberAction(id(), "some-group", null, form({ userId: id(), change: "ban" })),
    es: { code: "invalid_input", message: "Cuenta brevemente por qué, para el resto de quienes organizan. La persona no lo ve.", fieldErrors: { reason: "Cuenta brevemente por qué, para el resto de quienes organizan. La persona no lo ve." } },
    en: { message: "Say briefly why, for the other organizers. The member doesn't see it." },
  },
  {
    name: "an email kind that is not offered",
    ask: () => saveEmailPreferencesAction(null, form({ email: "everything" })),
    es: { code: "invalid_input", message: "Elige entre los tipos de correo de la lista, por favor." },
    en: { message: "Please choose from the kinds of email listed." },
  },
  {
    name: "a calendar feed of something that is not a group",
    ask: () => createFeedAction(null, form({ groupId: "nope" })),
    es: { code: "invalid_input", message: "Elige tus actividades o uno de tus grupos, por favor." },
    en: { message: "Please choose your activities or one of your groups." },
  },
  {
    name: "a password change without the current password",
    ask: () => changePasswordAction(null, form({ currentPassword: "", newPassword: "a long new password" })),
    es: { code: "invalid_input", fieldErrors: { currentPassword: "Escribe tu contraseña actual." } },
    en: { fieldErrors: { currentPassword: "Enter your current password." } },
  },
  {
    name: "a standing place asked to do something unknown",
    ask: () => standingPlaceAction(id(), id(), null, form({ intent: "dance" })),
    es: { code: "invalid_input", fieldErrors: { _: "Elige qué hacer con tu plaza fija." } },
    en: { fieldErrors: { _: "Choose what to do with your standing place." } },
  },
  {
    name: "an invitation naming nobody",
    ask: () => invitePersonAction(null, form()),
    es: { code: "invalid_input", message: "Elige a alguien con quien hayas ido a una actividad." },
    en: { message: "Choose someone you've been to an activity with." },
  },
  {
    name: "a push subscription the browser garbled",
    ask: () => subscribePushAction(null, form({ subscription: "{" })),
    es: { code: "invalid_input", message: "Tu navegador envió algo que no pudimos usar. Inténtalo de nuevo." },
    en: { message: "Your browser sent something we couldn't use. Please try again." },
  },
  {
    name: "a choice question with one choice",
    ask: () => setRsvpQuestionsAction(null, form({ activityId: id(), "q0.prompt": "Tea or coffee?", "q0.kind": "choice", "q0.choices": "Tea" })),
    es: { code: "invalid_input", message: "Conviene revisar algunas preguntas." },
    en: { message: "Some questions need another look." },
  },
];

describe("an action's own refusals follow the page's language", () => {
  for (const refusal of refusals) {
    it(`${refusal.name}: in Spanish for a Spanish browser, in English otherwise`, async () => {
      askAs({ acceptLanguage: "es-MX,es;q=0.9" });
      expect(await refusal.ask()).toMatchObject({ ok: false, ...refusal.es });
      askAs({ acceptLanguage: "en-GB" });
      expect(await refusal.ask()).toMatchObject({ ok: false, ...refusal.en });
    });
  }

  it("a member who is not an organizer is told in their own language that only organizers change time slots", async () => {
    const group = await makeGroup();
    const activity = await makeActivity(group.id);
    const member = await makeUser({ locale: "es" });
    await addMember(group.id, member.id);
    actAs(member);
    expect(await setSlotsAction(null, form({ activityId: activity.id, slots: "10:00-11:00 Set-up" }))).toMatchObject({
      ok: false,
      code: "forbidden",
      message: "Solo quienes organizan el grupo pueden cambiar los turnos de sus actividades.",
    });
  });

  it("an organizer posting an activity that has already started is asked to check the date in Spanish", async () => {
    const group = await makeGroup();
    const organizer = await makeUser({ locale: "es" });
    await addMember(group.id, organizer.id, "organizer");
    actAs(organizer);
    const start = DateTime.now().setZone("Europe/London").minus({ hours: 1 });
    const answer = await createActivityAction(
      group.id,
      null,
      form({
        kind: "walk",
        title: "Paseo por el canal",
        startsLocal: start.toFormat("yyyy-MM-dd'T'HH:mm"),
        endsLocal: start.plus({ hours: 2 }).toFormat("yyyy-MM-dd'T'HH:mm"),
        timezone: "Europe/London",
        placeName: "Lock 4",
        energyLevel: "low",
        talkLevel: "quiet",
      }),
    );
    const message = "Esta actividad ya ha empezado. Revisa la fecha, o marca «Publicarla igualmente» si es correcto.";
    expect(answer).toMatchObject({ ok: false, code: "invalid_input", message, fieldErrors: { startedOk: message } });
  });
});

describe("the web manifest", () => {
  it("describes the hub in Spanish to a Spanish browser, and in English otherwise", async () => {
    askAs({ acceptLanguage: "es-ES,es;q=0.9" });
    expect(await manifest()).toMatchObject({
      name: "Common Thread",
      lang: "es",
      description: "Encuentra proyectos de voluntariado, paseos en grupo y encuentros de aficiones cerca de ti, a la medida de tu energía.",
      start_url: "/",
    });
    askAs();
    expect(await manifest()).toMatchObject({ name: "Common Thread", short_name: "Common Thread", lang: "en-GB", description: "Find volunteer projects, group walks and hobby meetups near you, sized to your energy." });
  });
});
