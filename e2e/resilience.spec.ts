import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { expect, test } from "./fixtures";

/*
 * Servers of their own, started from the same production build as the one under test
 * (on E2E_PORT + 900 and + 901), to show how the hub starts, fails and heals.
 */
const root = path.resolve(__dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const basePort = Number(process.env.E2E_PORT ?? 3100);

test.describe.configure({ mode: "serial" });

function startServer(port: number, env: Record<string, string | undefined>): { child: ChildProcess; output: () => string } {
  let output = "";
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  return { child, output: () => output };
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

/** Polls until `check` passes, failing after `ms`; resolves to how long it took. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (await check().catch(() => false)) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not within ${ms} ms`);
}

/** A TCP relay to PostgreSQL that the test can close (the database "goes away") and reopen. */
class Relay {
  private server?: net.Server;
  private sockets = new Set<net.Socket>();
  constructor(
    readonly port: number,
    private target: { host: string; port: number },
  ) {}
  open(): Promise<void> {
    this.server = net.createServer((inbound) => {
      const outbound = net.connect(this.target);
      for (const s of [inbound, outbound]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => undefined);
      }
      inbound.pipe(outbound).pipe(inbound);
    });
    return new Promise((resolve) => this.server!.listen(this.port, "127.0.0.1", () => resolve()));
  }
  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    const server = this.server;
    this.server = undefined;
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

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
    const admin = new URL(process.env.DATABASE_URL!);
    const name = `ct_outage_${process.pid}_${Date.now().toString(36)}`;
    const onServer = async (statement: string) => {
      const client = new Client({ connectionString: admin.toString() });
      await client.connect();
      await client.query(statement).finally(() => client.end());
    };
    await onServer(`create database ${name}`);
    const relay = new Relay(await freePort(), { host: admin.hostname, port: Number(admin.port || 5432) });
    const viaRelay = new URL(admin);
    viaRelay.hostname = "127.0.0.1";
    viaRelay.port = String(relay.port);
    viaRelay.pathname = `/${name}`;
    const port = basePort + 900;
    const base = `http://127.0.0.1:${port}`;
    const server = startServer(port, { DATABASE_URL: viaRelay.toString(), AUTH_SECRET: "outage-test-secret-0123456789", SEED_DEMO: "false" });
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
      await relay.close();
      await onServer(`drop database if exists ${name} with (force)`).catch(() => undefined);
    }
  });
});
