import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { PASSWORD, uniquePerson } from "./people";
import { basePort, startServer, stopServer, within } from "./servers";

/*
 * Posts to real server actions, made without a browser, against the production server (which
 * runs without TRUST_PROXY): what no form sends is a 4xx saying so, never a 500; a post from
 * another origin is a 403 and changes nothing, whatever X-Forwarded-Host claims; and the
 * post the page's own JavaScript makes still works.
 */

/** The action ids a page carries for its forms (in `$ACTION_ID_…` names and `$ACTION_n:0` descriptors). */
function actionIds(html: string): string[] {
  const ids = [...html.matchAll(/\$ACTION_ID_([0-9a-f]{40,})/g), ...html.matchAll(/&quot;id&quot;:&quot;([0-9a-f]{40,})&quot;/g)].map((m) => m[1]);
  return [...new Set(ids)];
}

/** A member signed up through the API and signed in through next-auth's own endpoints, in a request context of their own. */
async function signedInMember(baseURL: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL });
  const who = uniquePerson("Poster");
  expect((await api.post("/api/users", { data: { ...who, password: PASSWORD } })).status()).toBe(201);
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  const signIn = await api.post("/api/auth/callback/credentials", { form: { email: who.email, password: PASSWORD, csrfToken, callbackUrl: "/" }, maxRedirects: 0 });
  expect(signIn.status()).toBe(302);
  expect((await api.storageState()).cookies.map((c) => c.name)).toContain("authjs.session-token");
  return api;
}

/** An upcoming public activity with places left and RSVPs open. */
async function openActivity(api: APIRequestContext): Promise<string> {
  const { activities } = await (await api.get("/api/activities?perPage=50")).json();
  const open = (activities as { id: string; status: string; spotsLeft: number | null; rsvpCutoff: string | null; startsAt: string }[]).find(
    (a) => a.status === "scheduled" && (a.spotsLeft === null || a.spotsLeft > 2) && (a.rsvpCutoff === null || Date.parse(a.rsvpCutoff) > Date.now() + 3600_000),
  );
  expect(open, "the demo town has an activity open for RSVPs").toBeTruthy();
  return open!.id;
}

/** The RSVP action's id, read from the RSVP form on the activity page the member sees (the header's sign-out form comes first). */
async function rsvpActionId(api: APIRequestContext, activityId: string): Promise<string> {
  const html = await (await api.get(`/activities/${activityId}`)).text();
  const form = html.indexOf('data-testid="rsvp-form"');
  expect(form).toBeGreaterThan(0);
  // The footer's language picker is a form with an action of its own, after the RSVP form in the page.
  const footer = html.slice(html.indexOf("<footer"), html.indexOf("</footer>"));
  const ids = actionIds(html.slice(form)).filter((id) => !actionIds(footer).includes(id));
  expect(ids.length).toBeGreaterThan(0);
  return ids[0];
}

/**
 * What the page's JavaScript sends for the RSVP form: the arguments (previous state, the form)
 * as multipart, the form's fields first and the arguments that refer to them last, as React
 * writes them.
 */
function rsvpArguments(activityId: string): FormData {
  const form = new FormData();
  form.append("_1_activityId", activityId);
  form.append("_1_status", "going");
  form.append("0", '[null,"$K1"]');
  return form;
}

async function myRsvpTo(api: APIRequestContext, activityId: string): Promise<string | null> {
  const res = await api.get("/api/me/rsvps");
  expect(res.status()).toBe(200);
  const { rsvps } = await res.json();
  return (rsvps as { activity: { id: string }; rsvp: { status: string } }[]).find((r) => r.activity.id === activityId)?.rsvp.status ?? null;
}

test.describe("server action posts no form sends", () => {
  test("empty, not JSON, unfinished, 5,000 deep, over 1 MB and broken multipart are 400 or 413 with a sentence, signed in or not", async ({ baseURL }) => {
    test.setTimeout(90_000);
    const visitor = await playwrightRequest.newContext({ baseURL });
    const member = await signedInMember(baseURL!);
    const activityId = await openActivity(member);
    const signinId = actionIds(await (await visitor.get("/signin")).text())[0];
    const rsvpId = await rsvpActionId(member, activityId);
    expect(signinId).toBeTruthy();
    const text = { "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" };
    const cases: [string, Record<string, string>, string | Buffer, number][] = [
      ["empty", text, "", 400],
      ["text that is not JSON", text, "hello, is this thing on?", 400],
      ["an unfinished array", text, '["a"', 400],
      ["5,000 deep", text, "[".repeat(5000) + "]".repeat(5000), 400],
      ["over 1 MB", text, `["${"x".repeat(1_100_000)}"]`, 413],
      ["broken multipart", { "Content-Type": "multipart/form-data; boundary=zz" }, "--zz\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[", 400],
    ];
    for (const [api, path, id] of [
      [visitor, "/signin", signinId],
      [member, `/activities/${activityId}`, rsvpId],
    ] as const) {
      for (const [name, headers, body, status] of cases) {
        const res = await api.post(path, { headers: { ...headers, "Next-Action": id }, data: body, failOnStatusCode: false });
        expect(res.status(), `${name} to ${path}`).toBe(status);
        expect(await res.text(), `${name} to ${path}`).toMatch(status === 413 ? /too large to send/ : /could not be read/);
      }
    }
    // A form posted without JavaScript whose multipart is broken is a 400 too.
    const mpa = await visitor.post("/signin", { headers: { "Content-Type": "multipart/form-data; boundary=zz" }, data: "--zz\r\nnot a part", failOnStatusCode: false });
    expect(mpa.status()).toBe(400);
    // Nothing was written by any of it.
    expect(await myRsvpTo(member, activityId)).toBeNull();
  });

  test("the RSVP the page's JavaScript sends still works", async ({ baseURL }) => {
    const member = await signedInMember(baseURL!);
    const activityId = await openActivity(member);
    const id = await rsvpActionId(member, activityId);
    const res = await member.post(`/activities/${activityId}`, { headers: { "Next-Action": id, Accept: "text/x-component", Origin: baseURL! }, multipart: rsvpArguments(activityId) });
    expect(res.status()).toBe(200);
    expect(await myRsvpTo(member, activityId)).toBe("going");
  });
});

test.describe("server action posts whose references name parts that are not there", () => {
  test("JSON arguments naming other parts, multipart naming a missing field, and a form's missing bound arguments are 400, signed in or not", async ({ baseURL }) => {
    test.setTimeout(90_000);
    const visitor = await playwrightRequest.newContext({ baseURL });
    const member = await signedInMember(baseURL!);
    const activityId = await openActivity(member);
    const signinId = actionIds(await (await visitor.get("/signin")).text())[0];
    const rsvpId = await rsvpActionId(member, activityId);
    const text = { "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" };
    for (const [api, path, id] of [
      [visitor, "/signin", signinId],
      [member, `/activities/${activityId}`, rsvpId],
    ] as const) {
      for (const body of ['["$Q99"]', '["$F5"]', '[null,"$@1"]', '["$B1"]']) {
        const res = await api.post(path, { headers: { ...text, "Next-Action": id }, data: body, failOnStatusCode: false });
        expect(res.status(), `${body} to ${path}`).toBe(400);
        expect(await res.text()).toMatch(/could not be read/);
      }
      const missingField = new FormData();
      missingField.append("0", '["$Q1"]');
      const res = await api.post(path, { headers: { "Next-Action": id, Accept: "text/x-component" }, multipart: missingField, failOnStatusCode: false });
      expect(res.status(), `multipart ["$Q1"] to ${path}`).toBe(400);
      // A form posted without JavaScript whose bound arguments are not in it.
      for (const bound of ['"$@1"', '"$Q7"']) {
        const form = new FormData();
        form.append("$ACTION_REF_1", "");
        form.append("$ACTION_1:0", `{"id":"${id}","bound":${bound}}`);
        form.append("activityId", activityId);
        form.append("status", "going");
        const noJs = await api.post(path, { multipart: form, failOnStatusCode: false });
        expect(noJs.status(), `bound ${bound} to ${path}`).toBe(400);
      }
    }
    expect(await myRsvpTo(member, activityId)).toBeNull();
  });

  test("an action id this build does not have is answered as Next answers it (409, or 400 for one that cannot be an id), with the marker that makes the page reload", async ({ baseURL }) => {
    const visitor = await playwrightRequest.newContext({ baseURL });
    for (const [id, status] of [["7f" + "0".repeat(40), 409], ["not-an-action", 400]] as const) {
      const res = await visitor.post("/signin", { headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8" }, data: "[]", failOnStatusCode: false });
      expect(res.status(), id).toBe(status);
      expect(res.headers()["x-nextjs-action-not-found"]).toBe("1");
    }
    const form = new FormData();
    form.append("$ACTION_ID_7f" + "0".repeat(40), "");
    expect((await visitor.post("/signin", { multipart: form, failOnStatusCode: false })).status()).toBe(400);
  });

  test("each refused post is one quiet line in the server's log: no stack, no digest, no 'Connection closed'", async ({ baseURL }) => {
    test.setTimeout(120_000);
    const signinId = actionIds(await (await (await playwrightRequest.newContext({ baseURL })).get("/signin")).text())[0];
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-action-log-"));
    const port = basePort + 930;
    const server = startServer(port, { DATABASE_URL: undefined, PGLITE_DATA_DIR: dataDir, SEED_DEMO: "false", AUTH_SECRET: "action-log-secret-0123456789", JOBS: "off" });
    try {
      const base = `http://127.0.0.1:${port}`;
      await within(90_000, async () => (await fetch(`${base}/api/health`).catch(() => null))?.ok === true);
      const logBefore = server.output().length;
      const json = (id: string, body: string) => fetch(`${base}/signin`, { method: "POST", headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8" }, body });
      const form = (fields: Record<string, string>) => {
        const f = new FormData();
        for (const [k, v] of Object.entries(fields)) f.append(k, v);
        return fetch(`${base}/signin`, { method: "POST", headers: id0(fields) ? { "Next-Action": signinId } : {}, body: f });
      };
      const id0 = (fields: Record<string, string>) => "0" in fields;
      const statuses = [
        (await json(signinId, '["$Q99"]')).status,
        (await json(signinId, '["$F5"]')).status,
        (await form({ "0": '["$Q1"]' })).status,
        (await form({ $ACTION_REF_1: "", "$ACTION_1:0": `{"id":"${signinId}","bound":"$@1"}` })).status,
        (await form({ $ACTION_REF_1: "", "$ACTION_1:0": `{"id":"${signinId}","bound":"$Q7"}` })).status,
        (await json("not-an-action", "[]")).status,
        (await json("7f" + "0".repeat(40), "[]")).status,
      ];
      expect(statuses).toEqual([400, 400, 400, 400, 400, 400, 409]);
      await new Promise((r) => setTimeout(r, 500));
      const log = server.output().slice(logBefore);
      expect(log).not.toMatch(/Error|digest|Connection closed|Invalid forward reference|\n\s+at /);
      expect(log.trim().split("\n").filter((line) => line.includes("[actions]"))).toHaveLength(statuses.length);
    } finally {
      await stopServer(server.child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

test.describe("refused posts reach the client", () => {
  test("small cross-origin form posts from Node's fetch all read their 403 (no broken pipe)", async ({ baseURL }) => {
    const signinId = actionIds(await (await (await playwrightRequest.newContext({ baseURL })).get("/signin")).text())[0];
    const results = await Promise.all(
      Array.from({ length: 12 }, () => {
        const f = new FormData();
        f.append("0", '["x"]');
        f.append("note", "a small form");
        return fetch(`${baseURL}/signin`, { method: "POST", headers: { "Next-Action": signinId, Origin: "http://evil.example" }, body: f }).then(
          (r) => r.status,
          (e: Error) => `failed: ${(e.cause as Error | undefined)?.message ?? e.message}`,
        );
      }),
    );
    expect(results).toEqual(Array(12).fill(403));
  });
});

test.describe("server action posts from another origin", () => {
  test("are 403 with a sentence, and a forged X-Forwarded-Host does not make them run: no RSVP is written", async ({ baseURL }) => {
    const member = await signedInMember(baseURL!);
    const activityId = await openActivity(member);
    const id = await rsvpActionId(member, activityId);
    for (const forged of <Record<string, string>[]>[{ Origin: "http://evil.example" }, { Origin: "http://evil.example", "X-Forwarded-Host": "evil.example" }, { Origin: "http://evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "http" }]) {
      const res = await member.post(`/activities/${activityId}`, { headers: { "Next-Action": id, Accept: "text/x-component", ...forged }, multipart: rsvpArguments(activityId), failOnStatusCode: false });
      expect(res.status(), JSON.stringify(forged)).toBe(403);
      expect(await res.text()).toContain("sent from another site");
    }
    expect(await myRsvpTo(member, activityId)).toBeNull();
  });
});
