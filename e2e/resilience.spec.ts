import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures";
import { basePort, startServer, stopServer, throwawayDatabase, within } from "./servers";

/*
 * Servers of their own, started from the same production build as the one under test
 * (on E2E_PORT + 900 and + 901), to show how the hub starts, fails and heals.
 */

test.describe.configure({ mode: "serial" });

test("a server started with an AUTH_SECRET under 16 characters refuses to start, saying why", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-short-secret-"));
  const server = startServer(basePort + 901, { AUTH_SECRET: "too-short", DATABASE_URL: undefined, PGLITE_DATA_DIR: dataDir, SEED_DEMO: "false" });
  try {
    const code = await new Promise<number | null>((resolve) => {
      server.child.once("exit", (c) => resolve(c));
      setTimeout(() => resolve(-1), 40_000);
    });
    expect(code, server.output()).not.toBe(-1);
    expect(code).not.toBe(0);
    expect(server.output()).toMatch(/AUTH_SECRET.*at least 16 characters/);
  } finally {
    await stopServer(server.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test.describe("PostgreSQL going away", () => {
  test.skip(!process.env.DATABASE_URL, "needs PostgreSQL (set DATABASE_URL)");
  test.setTimeout(120_000);

  test("started while the database is away, the hub says it'll be back, then heals by itself within seconds", async ({ request }) => {
    const { relay, viaRelay, drop } = await throwawayDatabase("ct_outage");
    const port = basePort + 900;
    const base = `http://127.0.0.1:${port}`;
    const server = startServer(port, { DATABASE_URL: viaRelay, AUTH_SECRET: "outage-test-secret-0123456789", SEED_DEMO: "false" });
    try {
      // The database is away from the start: nothing listens on the relay's port.
      await within(60_000, async () => (await request.get(`${base}/api/health`, { failOnStatusCode: false, timeout: 5_000 })).status() > 0);
      const started = Date.now();
      const health = await request.get(`${base}/api/health`, { failOnStatusCode: false, timeout: 5_000 });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(health.status()).toBe(503);
      expect(await health.json()).toMatchObject({ ok: false, reason: expect.stringMatching(/database/) });

      const page = await request.get(`${base}/activities`, { failOnStatusCode: false });
      expect(page.status()).toBe(503);
      expect(Number(page.headers()["retry-after"])).toBeGreaterThan(0);
      expect(await page.text()).toContain("We'll be back shortly");
      const api = await request.get(`${base}/api/activities`, { failOnStatusCode: false });
      expect(api.status()).toBe(503);
      expect((await api.json()).error.code).toBe("try_again");
      // In the browser's language, though no one can be looked up: the page and the API's words.
      const spanish = { "Accept-Language": "es-ES,es;q=0.9" };
      const pagina = await request.get(`${base}/activities`, { failOnStatusCode: false, headers: spanish });
      expect(pagina.status()).toBe(503);
      const html = await pagina.text();
      expect(html).toContain("Volvemos enseguida");
      expect(html).toContain('<html lang="es">');
      expect(html).toContain('<a href="/help">');
      const apiEs = await request.get(`${base}/api/activities`, { failOnStatusCode: false, headers: spanish });
      expect(await apiEs.json()).toMatchObject({ error: { code: "try_again", message: expect.stringContaining("La base de datos no responde") } });

      // The database comes back: the hub finds it by itself (migrating the empty database too).
      await relay.open();
      const healed = await within(15_000, async () => (await request.get(`${base}/api/health`, { failOnStatusCode: false })).status() === 200);
      expect(healed).toBeLessThan(15_000);
      expect((await request.get(`${base}/activities`)).status()).toBe(200);

      // Lost again while running: a 503 within 5 s, never a 500; then back within 5 s.
      await relay.close();
      await within(5_000, async () => (await request.get(`${base}/api/health`, { failOnStatusCode: false, timeout: 5_000 })).status() === 503);
      for (const path of ["/activities", "/api/activities"]) {
        const res = await request.get(`${base}${path}`, { failOnStatusCode: false, timeout: 8_000 });
        expect(res.status(), path).toBe(503);
      }
      await relay.open();
      const back = await within(5_000, async () => (await request.get(`${base}/api/health`, { failOnStatusCode: false })).status() === 200);
      expect(back).toBeLessThan(5_000);
      expect((await request.get(`${base}/activities`)).status()).toBe(200);
      expect(server.output()).not.toMatch(/uncaught|unhandled/i);
    } finally {
      await stopServer(server.child);
      await drop();
    }
  });
});
