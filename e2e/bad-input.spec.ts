import { expect, newCredentials, test } from "./fixtures";
import { SignInPage } from "./pages/auth-pages";

/*
 * Input no form would send, sent to the real production server: none of it may be a 500.
 * The API answers in its JSON shape, pages with the not-found page.
 */

test.describe("addresses no one should send", () => {
  test("a NUL in a group's slug is 404 JSON from every group endpoint", async ({ request }) => {
    for (const [method, path] of [
      ["PATCH", "/api/groups/%00"],
      ["POST", "/api/groups/a%00b/activities"],
      ["POST", "/api/groups/%00/join"],
      ["POST", "/api/groups/a%00b/join"],
    ] as const) {
      const res = await request.fetch(path, { method, data: {}, failOnStatusCode: false });
      expect(res.status(), `${method} ${path}`).toBeLessThan(500);
      expect(res.headers()["content-type"], `${method} ${path}`).toMatch(/application\/json/);
    }
  });

  test("malformed percent-encoding is 400 JSON on the API and the not-found page elsewhere", async ({ request }) => {
    for (const [method, path] of [
      ["GET", "/api/activities/%ff"],
      ["GET", "/api/%ff"],
      ["PATCH", "/api/groups/%c3%28"],
      ["GET", "/api/auth/callback/%ff"],
      ["POST", "/api/activities/%ff/rsvp"],
    ] as const) {
      const res = await request.fetch(path, { method, data: {}, failOnStatusCode: false });
      expect(res.status(), `${method} ${path}`).toBe(400);
      expect((await res.json()).error.code, `${method} ${path}`).toBe("invalid_query");
    }
    for (const path of ["/activities/%ff", "/groups/%c3%28", "/%ff", "/activities/%ff/calendar.ics"]) {
      const res = await request.get(path, { failOnStatusCode: false });
      expect(res.status(), path).toBe(404);
    }
  });

  test("a NUL in a page's query (the mailbox's address filter, a search) is a 400 saying so, never a 500", async ({ request }) => {
    for (const path of ["/dev/mailbox?to=%00", "/activities?q=walk%00", "/api/activities?from=%00"]) {
      const res = await request.get(path, { failOnStatusCode: false });
      expect(res.status(), path).toBe(400);
      expect(await res.text(), path).toContain("NUL character");
    }
  });

  test("the not-found page is what a person sees for a malformed address", async ({ page }) => {
    const res = await page.goto("/activities/%ff");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "We couldn't find that" })).toBeVisible();
  });
});

test.describe("server actions and sign-in given what no form sends", () => {
  test("a server action posted a text body instead of a form answers, never a 500", async ({ request }) => {
    const html = await (await request.get("/signin")).text();
    // The action's id is in the page, for the form to work without JavaScript.
    const id = /\$ACTION_ID_([0-9a-f]{40,})/.exec(html)?.[1] ?? /"id":"([0-9a-f]{40,})"/.exec(html)?.[1] ?? /([0-9a-f]{40,})/.exec(html.slice(html.indexOf("$ACTION")))?.[1];
    expect(id, "the sign-in form carries its action's id").toBeTruthy();
    for (const body of ['["a","b",null,"$K1"]', '["$K1"]', "[null,42]", '{"x":1}']) {
      const res = await request.post("/signin", { headers: { "Next-Action": id!, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" }, data: body, failOnStatusCode: false });
      expect(res.status(), body).toBeLessThan(500);
    }
  });

  test("a line break in the return address after signing in is ignored, not an error page", async ({ page, request }) => {
    // Signing up and in hashes a password twice; on a busy machine that takes a while.
    test.setTimeout(90_000);
    const who = newCredentials();
    expect((await request.post("/api/users", { data: who })).status()).toBe(201);
    const signIn = new SignInPage(page);
    await signIn.goto("/activities\r\nX-Injected: yes");
    await signIn.signIn(who.email, who.password);
    await expect(page).toHaveURL((url) => url.pathname === "/", { timeout: 30_000 });
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
});
