import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as attendeesCsv } from "@/app/activities/[id]/organize/attendees.csv/route";
import { GET as activitiesRoute } from "@/app/api/activities/route";
import { GET as activityRoute } from "@/app/api/activities/[id]/route";
import { GET as attendeesRoute } from "@/app/api/activities/[id]/attendees/route";
import { GET as reflectionRoute } from "@/app/api/activities/[id]/reflection/route";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...nextauth]/route";
import { GET as checkInsRoute } from "@/app/api/me/partners/[id]/check-ins/route";
import { DELETE as revokeRoute, POST as tokenRoute } from "@/app/api/tokens/route";
import { GET as hoursCsv } from "@/app/groups/[slug]/hours.csv/route";
import { getDb } from "@/db/client";
import { createApiToken } from "@/db/mutations/api-tokens";
import { requestGuestRsvp } from "@/db/mutations/guest-rsvps";
import { submitRsvp } from "@/db/mutations/rsvps";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";

/*
 * The API's `code`s, statuses and JSON shapes never change with the language; the `message` a
 * person reads follows Accept-Language (or the member's own setting), and so do the attendee and
 * hours files' column names. English without the header, as before.
 */

const BASE = "http://hub.test";
const SPANISH = { "accept-language": "es-MX,es;q=0.9,en;q=0.8" };
type Headers = Record<string, string>;
const bearer = (token: string, headers: Headers = {}) => ({ authorization: `Bearer ${token}`, ...headers });
const ctx = <T extends Record<string, string>>(params: T) => ({ params: Promise.resolve(params) });

async function errorOf(response: Response) {
  const body = (await response.json()) as { error: { code: string; message: string; fields?: Record<string, string> } };
  return { status: response.status, ...body.error };
}

async function memberWithToken(overrides: Parameters<typeof makeUser>[0] = {}) {
  const user = await makeUser(overrides);
  const { token } = await createApiToken(user.id, "languages");
  return { user, token };
}

describe("the JSON API's refusals in the caller's language", () => {
  it("a bad time zone on GET /api/activities is the same 400 with Spanish words", async () => {
    const ask = (headers: Headers) => activitiesRoute(new Request(`${BASE}/api/activities?tz=Mars/Olympus`, { headers }));
    const es = await errorOf(await ask(SPANISH));
    expect(es).toMatchObject({ status: 400, code: "invalid_query", message: "Revisa tz, por favor.", fields: { tz: "Usa una zona horaria IANA, como Europe/Madrid." } });
    const en = await errorOf(await ask({}));
    expect(en).toMatchObject({ status: 400, code: "invalid_query", message: "Please check tz.", fields: { tz: "Use an IANA time zone such as Europe/London." } });

    // A cache between the hub and the caller keeps one answer per language.
    const refused = await ask(SPANISH);
    expect(refused.headers.get("vary")).toMatch(/\bAccept-Language\b/);
    const unknown = await errorOf(await activitiesRoute(new Request(`${BASE}/api/activities?colour=red`, { headers: SPANISH })));
    expect(unknown.code).toBe("invalid_query");
    expect(unknown.fields?.colour).toMatch(/^colour no es un filtro aquí\. Usa: tz, /);
  });

  it("an unknown activity is a 404 not_found in Spanish, to visitors and organizers' routes alike", async () => {
    const id = randomUUID();
    const es = await errorOf(await activityRoute(new Request(`${BASE}/api/activities/${id}`, { headers: SPANISH }), ctx({ id })));
    expect(es).toEqual({ status: 404, code: "not_found", message: "No hay ninguna actividad con ese id." });
    const en = await errorOf(await activityRoute(new Request(`${BASE}/api/activities/${id}`), ctx({ id })));
    expect(en).toEqual({ status: 404, code: "not_found", message: "There is no activity with that id." });

    const { token } = await memberWithToken();
    const roster = await errorOf(await attendeesRoute(new Request(`${BASE}/api/activities/${id}/attendees`, { headers: bearer(token, SPANISH) }), ctx({ id })));
    expect(roster).toEqual({ status: 404, code: "not_found", message: "No hay ninguna actividad con ese id." });
  });

  it("the organizers-only refusal on the attendee list says so in Spanish", async () => {
    const group = await makeGroup();
    const activity = await makeActivity(group.id);
    const { token } = await memberWithToken();
    const refused = await errorOf(await attendeesRoute(new Request(`${BASE}/api/activities/${activity.id}/attendees`, { headers: bearer(token, SPANISH) }), ctx({ id: activity.id })));
    expect(refused).toEqual({ status: 403, code: "forbidden", message: "Solo quienes organizan este grupo pueden ver quién viene." });
  });

  it("a partnership not found and a reflection refused keep their code and speak Spanish", async () => {
    const { token } = await memberWithToken();
    const partnership = randomUUID();
    const checkIns = await errorOf(await checkInsRoute(new Request(`${BASE}/api/me/partners/${partnership}/check-ins`, { headers: bearer(token, SPANISH) }), ctx({ id: partnership })));
    expect(checkIns).toEqual({ status: 404, code: "not_found", message: "No encontramos esa pareja de acompañamiento." });

    const activity = await makeActivity((await makeGroup()).id, { startsInHours: -30 });
    const reflection = await errorOf(await reflectionRoute(new Request(`${BASE}/api/activities/${activity.id}/reflection`, { headers: bearer(token, SPANISH) }), ctx({ id: activity.id })));
    expect(reflection).toEqual({ status: 404, code: "not_found", message: "Las reflexiones son para actividades en las que se marcó tu asistencia." });
    const english = await errorOf(await reflectionRoute(new Request(`${BASE}/api/activities/${activity.id}/reflection`, { headers: bearer(token) }), ctx({ id: activity.id })));
    expect(english).toEqual({ status: 404, code: "not_found", message: "Reflections are for activities you were marked as attending." });
  });

  it("a member's own language setting wins over the request's Accept-Language", async () => {
    const { token } = await memberWithToken({ locale: "es" });
    const partnership = randomUUID();
    const res = await errorOf(await checkInsRoute(new Request(`${BASE}/api/me/partners/${partnership}/check-ins`, { headers: bearer(token, { "accept-language": "en" }) }), ctx({ id: partnership })));
    expect(res).toEqual({ status: 404, code: "not_found", message: "No encontramos esa pareja de acompañamiento." });
  });

  it("the token routes refuse in Spanish: a wrong password, an unknown token", async () => {
    const wrong = (headers: Headers) =>
      tokenRoute(new Request(`${BASE}/api/tokens`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ email: `nobody-${randomUUID()}@test.example`, password: "not the password" }) }));
    expect(await errorOf(await wrong(SPANISH))).toEqual({ status: 401, code: "unauthenticated", message: "Ese correo y esa contraseña no coinciden con ninguna cuenta." });
    expect(await errorOf(await wrong({}))).toEqual({ status: 401, code: "unauthenticated", message: "That email and password don't match an account." });
    const xml = await tokenRoute(new Request(`${BASE}/api/tokens`, { method: "POST", headers: { "content-type": "application/xml", ...SPANISH }, body: "<token/>" }));
    expect(await errorOf(xml)).toEqual({ status: 415, code: "invalid_body", message: "Envía el cuerpo como JSON, con Content-Type: application/json." });

    const { token } = await memberWithToken();
    const revoke = (body: unknown) => revokeRoute(new Request(`${BASE}/api/tokens`, { method: "DELETE", headers: bearer(token, { "content-type": "application/json", ...SPANISH }), body: JSON.stringify(body) }));
    expect(await errorOf(await revoke({ id: randomUUID() }))).toEqual({ status: 404, code: "not_found", message: "No tienes ningún token activo con ese id." });
    const badId = await errorOf(await revoke({ id: "seven" }));
    expect(badId).toMatchObject({ status: 400, code: "invalid_body", fields: { id: "id tiene que ser el id de un token." } });
  });

  it("the sign-in routes refuse in Spanish with the same codes", async () => {
    const nowhere = await errorOf(await authGet(new Request(`${BASE}/api/auth/nowhere`, { headers: SPANISH }) as never));
    expect(nowhere).toEqual({ status: 404, code: "not_found", message: "No hay ningún endpoint de inicio de sesión en esta dirección." });
    const english = await errorOf(await authGet(new Request(`${BASE}/api/auth/nowhere`) as never));
    expect(english).toEqual({ status: 404, code: "not_found", message: "There is no sign-in endpoint at this address." });

    const signOut = await authGet(new Request(`${BASE}/api/auth/signout`, { headers: SPANISH }) as never);
    expect(signOut.headers.get("allow")).toBe("POST");
    expect(await errorOf(signOut)).toEqual({ status: 404, code: "not_found", message: "Este endpoint de inicio de sesión solo responde a POST." });
    const session = await authGet(new Request(`${BASE}/api/auth/session`, { method: "PUT", headers: SPANISH }) as never);
    expect(await errorOf(session)).toEqual({ status: 404, code: "not_found", message: "Este endpoint de inicio de sesión solo responde a GET y POST." });

    const notJson = await authPost(new Request(`${BASE}/api/auth/callback/credentials`, { method: "POST", headers: { "content-type": "application/json", ...SPANISH }, body: "[1]" }) as never);
    expect(await errorOf(notJson)).toEqual({ status: 400, code: "invalid_body", message: 'El cuerpo tiene que ser un objeto JSON, como {"csrfToken": "…"}.' });
  });
});

describe("the CSV files' words in the organizer's language", () => {
  async function organizedActivity() {
    const group = await makeGroup();
    const organizer = await makeUser();
    await addMember(group.id, organizer.id, "organizer");
    const activity = await makeActivity(group.id, { capacity: 5 });
    const going = await makeUser({ name: "Mo Going" });
    await submitRsvp({ activityId: activity.id, userId: going.id, status: "going", goTogether: true });
    await requestGuestRsvp(await getDb(), { activityId: activity.id, firstName: "Gil", email: `gil-${randomUUID()}@example.org` });
    const { token } = await createApiToken(organizer.id, "csv");
    return { group, activity, token };
  }
  const attendees = (id: string, headers: Headers) => attendeesCsv(new Request(`${BASE}/activities/${id}/organize/attendees.csv`, { headers }), ctx({ id }));

  it("the attendee file's column names and words follow Accept-Language; English without it", async () => {
    const { activity, token } = await organizedActivity();
    const es = (await (await attendees(activity.id, bearer(token, SPANISH))).text()).split("\r\n");
    expect(es[0]).toBe("nombre,respuesta,puesto_en_lista_de_espera,ir_en_compania,ofrece_dar_bienvenida,quien_da_bienvenida,asistencia,respondio_el,invitado,correo_del_invitado,turnos,confirmo_que_viene_el");
    expect(es[1]).toMatch(/^Mo Going,va,,sí,no,,,\d{4}-[^,]+,no,,,$/);
    expect(es[2]).toMatch(/^Gil,va \(aún sin confirmar\),,no,no,,,\d{4}-[^,]+,sí,gil-/);

    const en = (await (await attendees(activity.id, bearer(token))).text()).split("\r\n");
    expect(en[0]).toBe("name,rsvp,waitlist_position,go_together,offers_to_greet,greeter,attendance,responded_at,guest,guest_email,slots,still_coming_at");
    expect(en[1]).toMatch(/^Mo Going,going,,yes,no,,,\d{4}-[^,]+,no,,,$/);
  });

  it("the attendee file's refusals speak Spanish with unchanged codes", async () => {
    const { activity } = await organizedActivity();
    expect(await errorOf(await attendees(activity.id, SPANISH))).toEqual({
      status: 401,
      code: "unauthenticated",
      message: "Inicia sesión con una cuenta que organice este grupo para descargar la lista.",
    });
    const { token } = await memberWithToken();
    expect(await errorOf(await attendees(activity.id, bearer(token, SPANISH)))).toEqual({ status: 403, code: "forbidden", message: "Solo quienes organizan este grupo pueden descargar la lista." });
  });

  it("the hours file's header and row words follow the language, and the language cookie counts too", async () => {
    const { group, token } = await organizedActivity();
    const hours = (headers: Headers) => hoursCsv(new Request(`${BASE}/groups/${group.slug}/hours.csv?from=2026-01-01&to=2026-12-31`, { headers }), ctx({ slug: group.slug }));
    const es = (await (await hours(bearer(token, { cookie: "ct_locale=es" }))).text()).split("\r\n");
    expect(es[0]).toBe("fila,nombre,desde,hasta,tareas,horas");
    expect(es).toContain(`total,${group.name},2026-01-01,2026-12-31,0,0`);
    const en = (await (await hours(bearer(token))).text()).split("\r\n");
    expect(en[0]).toBe("row,name,from,to,tasks,hours");
    expect(await errorOf(await hours(SPANISH))).toEqual({ status: 401, code: "unauthenticated", message: "Inicia sesión con una cuenta que organice este grupo para descargar sus horas." });
  });
});
