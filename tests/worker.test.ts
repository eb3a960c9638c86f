import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { Client, Pool } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "@/db/client";
import { enqueueEmail } from "@/db/mutations/email";
import * as schema from "@/db/schema";
import { emailOutbox, users } from "@/db/schema";
import { runMigrationsAt } from "./helpers/migrate-url";
import { startSmtpServer } from "./helpers/smtp";

/*
 * `npm run worker`: the background jobs in a process of their own (PostgreSQL only), on a
 * database of this file's own so that it sends nothing another test is waiting for. It sends
 * what is waiting in the outbox through a real SMTP server, and stops cleanly when told to.
 */

function runWorker(env: Record<string, string | undefined>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

describe("the worker process", () => {
  it("refuses the embedded database, saying why", async () => {
    const worker = runWorker({ DATABASE_URL: undefined, DIRECT_DATABASE_URL: undefined, DATABASE_POOLER: undefined, AUTH_SECRET: "worker-test-secret-0123456789" });
    expect(await worker.exited).toBe(1);
    expect(worker.output()).toMatch(/npm run worker needs PostgreSQL \(DATABASE_URL\)/);
  }, 60_000);

  describe.skipIf(!inject("testDatabaseUrl"))("on PostgreSQL", () => {
    const name = `ct_worker_${crypto.randomBytes(4).toString("hex")}`;
    const adminUrl = () => inject("testDirectUrl") || inject("testDatabaseUrl");
    let url = "";
    let pool: Pool;
    let db: Db;

    beforeAll(async () => {
      const admin = new Client({ connectionString: adminUrl() });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const target = new URL(adminUrl());
      target.pathname = `/${name}`;
      url = target.toString();
      await runMigrationsAt(url);
      pool = new Pool({ connectionString: url });
      db = drizzle(pool, { schema }) as unknown as Db;
    }, 120_000);

    afterAll(async () => {
      await pool?.end();
      const admin = new Client({ connectionString: adminUrl() });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    });

    /** A worker on this file's database, sending through the test's SMTP server. */
    const workerOn = (smtpPort: number) => ({
      DATABASE_URL: url,
      DIRECT_DATABASE_URL: undefined,
      DATABASE_POOLER: undefined,
      AUTH_SECRET: "worker-test-secret-0123456789",
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: "Common Thread <hello@thread.test>",
      SEED_DEMO: "false",
    });

    it("sends what waits in the outbox through SMTP, and stops cleanly when told to", async () => {
      const smtp = await startSmtpServer();
      const email = `worker-${Date.now()}@example.org`;
      const [member] = await db.insert(users).values({ name: "Wren Worker", email, passwordHash: "x" }).returning({ id: users.id });
      await db.transaction(async (tx) => {
        await enqueueEmail(tx as unknown as Db, { userId: member.id, type: "password_reset", data: { url: "http://127.0.0.1/reset/abc", expiresInMinutes: 30 }, dedupeKey: `worker-test:${member.id}` });
      });
      const worker = runWorker(workerOn(smtp.port));
      try {
        const deadline = Date.now() + 30_000;
        while (!smtp.received.some((m) => m.to.includes(email)) && Date.now() < deadline && worker.child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
        expect(smtp.received.filter((m) => m.to.includes(email)), worker.output()).toHaveLength(1);
        const [row] = await db.select({ status: emailOutbox.status }).from(emailOutbox).where(eq(emailOutbox.dedupeKey, `worker-test:${member.id}`));
        // The row is marked sent just after the server accepted the message.
        const marked = Date.now() + 5_000;
        let status = row?.status;
        while (status !== "sent" && Date.now() < marked) {
          await new Promise((r) => setTimeout(r, 100));
          status = (await db.select({ status: emailOutbox.status }).from(emailOutbox).where(eq(emailOutbox.dedupeKey, `worker-test:${member.id}`)))[0]?.status;
        }
        expect(status).toBe("sent");
        worker.child.kill("SIGTERM");
        expect(await worker.exited).toBe(0);
        expect(worker.output()).toMatch(/\[worker\] stopped\./);
      } finally {
        if (worker.child.exitCode === null) worker.child.kill("SIGKILL");
        await smtp.close();
      }
    }, 90_000);

    it("keeps running while its database refuses connections, and sends what waits once it is back", async () => {
      const smtp = await startSmtpServer();
      const worker = runWorker(workerOn(smtp.port));
      const admin = new Client({ connectionString: adminUrl() });
      await admin.connect();
      try {
        const started = Date.now() + 30_000;
        while (!/running the background jobs/.test(worker.output()) && Date.now() < started && worker.child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
        expect(worker.output()).toMatch(/running the background jobs/);
        // The database goes away for a few seconds: every connection is cut and none is accepted.
        await pool.end();
        await admin.query(`alter database ${name} allow_connections false`);
        await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1`, [name]);
        await new Promise((r) => setTimeout(r, 6_000));
        expect(worker.child.exitCode, worker.output()).toBeNull();
        await admin.query(`alter database ${name} allow_connections true`);
        pool = new Pool({ connectionString: url });
        db = drizzle(pool, { schema }) as unknown as Db;
        const email = `worker-back-${Date.now()}@example.org`;
        const [member] = await db.insert(users).values({ name: "Rowan Return", email, passwordHash: "x" }).returning({ id: users.id });
        await db.transaction(async (tx) => {
          await enqueueEmail(tx as unknown as Db, { userId: member.id, type: "password_reset", data: { url: "http://127.0.0.1/reset/def", expiresInMinutes: 30 }, dedupeKey: `worker-back:${member.id}` });
        });
        const deadline = Date.now() + 30_000;
        while (!smtp.received.some((m) => m.to.includes(email)) && Date.now() < deadline && worker.child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
        expect(smtp.received.filter((m) => m.to.includes(email)), worker.output()).toHaveLength(1);
      } finally {
        await admin.query(`alter database ${name} allow_connections true`).catch(() => undefined);
        await admin.end();
        if (worker.child.exitCode === null) worker.child.kill("SIGKILL");
        await smtp.close();
      }
    }, 120_000);
  });
});
