import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../e2e/servers";
import { makeActivity, makeGroup, usingPostgres } from "./helpers/factories";

/*
 * The capacity guarantee across processes: two `next start` instances of the committed
 * app share one PostgreSQL database, and concurrent RSVPs are split between them. Only a
 * lock in the database can hold the line here. Builds a clone of the repository, so it
 * runs only on PostgreSQL; set TWO_INSTANCE_APP_DIR to reuse an existing build.
 */

// Two ports nothing else uses, found as the servers start: another test run may be beside this one.
const PORTS: number[] = [];
const MEMBERS = 90;
const CAPACITY = 30;

let appDir = "";
let ownsDir = false;
const servers: ChildProcess[] = [];

function buildApp(): string {
  const prebuilt = process.env.TWO_INSTANCE_APP_DIR;
  if (prebuilt && fs.existsSync(path.join(prebuilt, ".next", "BUILD_ID"))) return prebuilt;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-two-instances-"));
  ownsDir = true;
  appDir = dir; // so afterAll removes it even when the build fails
  execFileSync("git", ["clone", "-q", process.cwd(), dir]);
  // Turbopack resolves packages only inside the project root, so a symlink will not do;
  // hard links copy node_modules in about a second on the same file system.
  execFileSync("cp", ["-al", path.join(process.cwd(), "node_modules"), path.join(dir, "node_modules")]);
  // Only the app is deployed; test and browser-test sources are not part of what runs here.
  for (const folder of ["tests", "e2e", "bench"]) fs.rmSync(path.join(dir, folder), { recursive: true, force: true });
  const { DATABASE_URL: _unused, ...buildEnv } = process.env;
  try {
    execFileSync(process.execPath, [path.join(dir, "node_modules", "next", "dist", "bin", "next"), "build"], {
      cwd: dir,
      env: { ...buildEnv, NODE_ENV: "production" as const, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "pipe",
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const out = `${(error as { stdout?: Buffer }).stdout ?? ""}${(error as { stderr?: Buffer }).stderr ?? ""}`;
    throw new Error(`next build failed:\n${out.slice(-3000)}`);
  }
  return dir;
}

async function waitUntilHealthy(port: number, child: ChildProcess, deadline: number) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app on port ${port} exited with ${child.exitCode}.`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`The app on port ${port} did not become healthy.`);
}

async function post(port: number, pathname: string, body: unknown, token?: string) {
  const res = await fetch(`http://127.0.0.1:${port}${pathname}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function pooled<T, R>(items: T[], limit: number, work: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i], i);
      }
    }),
  );
  return out;
}

describe.skipIf(!usingPostgres())("two app instances on one PostgreSQL", () => {
  beforeAll(async () => {
    appDir = buildApp();
    PORTS.push(await freePort());
    while (PORTS.length < 2) {
      const port = await freePort();
      if (!PORTS.includes(port)) PORTS.push(port);
    }
    const env = {
      ...process.env,
      NODE_ENV: "production" as const,
      DATABASE_URL: process.env.DATABASE_URL,
      DATABASE_POOL_SIZE: "20",
      AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      SEED_DEMO: "false",
      // The load signs up every member from this one address.
      SIGN_UP_LIMIT_PER_HOUR: "100000",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    for (const port of PORTS) {
      const child = spawn(process.execPath, [path.join(appDir, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
        cwd: appDir,
        env,
        stdio: "ignore",
        detached: true,
      });
      servers.push(child);
    }
    const deadline = Date.now() + 60_000;
    await Promise.all(PORTS.map((port, i) => waitUntilHealthy(port, servers[i], deadline)));
  }, 240_000);

  afterAll(() => {
    for (const child of servers) {
      if (child.pid && child.exitCode === null) {
        try {
          process.kill(-child.pid, "SIGTERM");
        } catch {
          // already gone
        }
      }
    }
    if (ownsDir && appDir) fs.rmSync(appDir, { recursive: true, force: true });
  });

  it("RSVPs split between two instances fill exactly the capacity and queue the rest in order", async () => {
    const group = await makeGroup();
    const activity = await makeActivity(group.id, { capacity: CAPACITY });
    const run = crypto.randomBytes(4).toString("hex");
    const password = "two instances, one database";

    // Members sign up and get tokens through the API, alternating between the instances.
    const tokens = await pooled(Array.from({ length: MEMBERS }, (_, i) => i), 6, async (i) => {
      const port = PORTS[i % 2];
      const email = `two-${run}-${i}@test.example`;
      const user = await post(port, "/api/users", { name: `Walker ${i}`, email, password });
      expect(user.status).toBe(201);
      const token = await post(PORTS[(i + 1) % 2], "/api/tokens", { email, password, name: "load" });
      expect(token.status).toBe(201);
      return token.body.token as string;
    });

    const answers = await Promise.all(tokens.map((token, i) => post(PORTS[i % 2], `/api/activities/${activity.id}/rsvp`, { status: "going" }, token)));
    expect(answers.map((a) => a.status).filter((s) => s !== 200)).toEqual([]);
    const going = answers.filter((a) => a.body.rsvp.status === "going");
    const positions = answers.filter((a) => a.body.rsvp.status === "waitlisted").map((a) => a.body.rsvp.position as number);
    expect(going).toHaveLength(CAPACITY);
    expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: MEMBERS - CAPACITY }, (_, i) => i + 1));
    expect(new Set(answers.map((_, i) => PORTS[i % 2])).size).toBe(2);

    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query(
        `select a.going_count, a.waitlist_count,
           (select count(*)::int from rsvps r where r.activity_id = a.id and r.status = 'going') as going_rows,
           (select count(*)::int from rsvps r where r.activity_id = a.id and r.status = 'waitlisted') as waiting_rows
         from activities a where a.id = $1`,
        [activity.id],
      );
      expect(rows[0]).toEqual({ going_count: CAPACITY, waitlist_count: MEMBERS - CAPACITY, going_rows: CAPACITY, waiting_rows: MEMBERS - CAPACITY });
    } finally {
      await db.end();
    }
  }, 120_000);
});
