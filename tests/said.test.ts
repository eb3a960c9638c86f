import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as usersRoute } from "@/app/api/users/route";
import { POST as rsvpRoute } from "@/app/api/activities/[id]/rsvp/route";
import { signUpAction } from "@/app/(auth)/actions";
import { say } from "@/lib/i18n/said";
import { makeUser } from "./helpers/factories";
import { actAs, askAs } from "./helpers/session";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { eq } from "drizzle-orm";

vi.mock("@/server/auth/config", async (original) => (await import("./helpers/session")).mockAuthConfig(await original()));
vi.mock("next/headers", async () => (await import("./helpers/session")).mockNextHeaders());

/*
 * Field errors and refusals are said in the language of the request: an action's in the
 * language the page was shown in (the member's setting, the language cookie, the browser's
 * Accept-Language), the API's in the member's setting or Accept-Language. English otherwise.
 */

afterEach(() => {
  askAs();
  actAs(null);
});

function badSignUp(): FormData {
  const form = new FormData();
  form.set("name", "");
  form.set("email", "not-an-email");
  form.set("password", "short");
  return form;
}

describe("an action answers in the request's language", () => {
  it("a Spanish browser gets the sign-up form's field errors in Spanish", async () => {
    askAs({ acceptLanguage: "es-MX,es;q=0.9,en;q=0.5" });
    expect(await signUpAction(null, badSignUp())).toMatchObject({
      ok: false,
      code: "invalid_input",
      message: "Hay algunos campos que conviene revisar.",
      fieldErrors: { name: "Dinos cómo quieres que te llamemos.", email: "Escribe una dirección de correo como nombre@example.com.", password: "Usa al menos 10 caracteres en tu contraseña." },
    });
  });

  it("the language cookie counts over the browser", async () => {
    askAs({ acceptLanguage: "en-GB", cookies: { ct_locale: "es" } });
    expect(await signUpAction(null, badSignUp())).toMatchObject({ fieldErrors: { name: "Dinos cómo quieres que te llamemos." } });
  });

  it("a member's own setting counts over the cookie", async () => {
    const member = await makeUser({ locale: "es" });
    actAs(member);
    askAs({ cookies: { ct_locale: "en" } });
    expect(await signUpAction(null, badSignUp())).toMatchObject({ message: "Hay algunos campos que conviene revisar." });
  });

  it("anyone else gets the same answer in English, as before", async () => {
    for (const request of [{}, { acceptLanguage: "fr-FR,de;q=0.8" }, { acceptLanguage: "en-US" }]) {
      askAs(request);
      expect(await signUpAction(null, badSignUp())).toMatchObject({
        message: "Some fields need another look.",
        fieldErrors: { name: "Tell us what to call you.", email: "Enter an email address like name@example.com.", password: "Use at least 10 characters for your password." },
      });
    }
  });

  it("outside any request, words are English", () => {
    expect(say("errors.action.signInFirst")).toBe("Please sign in first.");
  });
});

describe("the API answers in the caller's language, with the same codes", () => {
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    new Request(`http://hub.test${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

  it("Accept-Language: es gets Spanish messages and field errors", async () => {
    const res = await usersRoute(post("/api/users", { name: "A", email: "nope", password: "short" }, { "accept-language": "es" }));
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error).toEqual({
      code: "invalid_body",
      message: "Revisa email, password, por favor.",
      fields: { email: "Escribe una dirección de correo como nombre@example.com.", password: "Usa al menos 10 caracteres en tu contraseña." },
    });
  });

  it("without it, the same request is answered in English", async () => {
    const res = await usersRoute(post("/api/users", { name: "A", email: "nope", password: "short" }));
    expect((await res.json()).error).toEqual({
      code: "invalid_body",
      message: "Please check email, password.",
      fields: { email: "Enter an email address like name@example.com.", password: "Use at least 10 characters for your password." },
    });
  });

  it("a 404 for a malformed id and a 401 speak Spanish too", async () => {
    const ctx = { params: Promise.resolve({ id: "not-an-id" }) };
    const missing = await rsvpRoute(post("/api/activities/not-an-id/rsvp", { status: "going" }, { "accept-language": "es", authorization: "Bearer nothing-at-all-here" }), ctx);
    expect(missing.status).toBe(401);
    expect((await missing.json()).error).toEqual({ code: "unauthenticated", message: "Inicia sesión, o envía un token de acceso personal como 'Authorization: Bearer <token>'." });
  });

  it("a member's setting counts over Accept-Language", async () => {
    const member = await makeUser({ locale: "es" });
    actAs(member);
    const ctx = { params: Promise.resolve({ id: "not-an-id" }) };
    const res = await rsvpRoute(post("/api/activities/not-an-id/rsvp", { status: "going" }, { "accept-language": "en" }), ctx);
    expect(res.status).toBe(404);
    expect((await res.json()).error).toEqual({ code: "not_found", message: "No hay ninguna actividad con ese id." });
    await (await getDb()).update(users).set({ locale: null }).where(eq(users.id, member.id));
  });
});
