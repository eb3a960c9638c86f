/*
 * The server the end-to-end tests run against: a production build (`next build`, then
 * `next start`) with its own database, so the demo town is freshly seeded on every run.
 *
 * - Embedded (no DATABASE_URL): the data folder E2E_DATA_DIR (default .data/e2e) is wiped first.
 * - DATABASE_URL set: a throwaway database is created on that server for this run, seeded
 *   on start (SEED_DEMO=true) and dropped when Playwright stops the server (SIGTERM).
 *
 * Started by playwright.config.ts; E2E_SKIP_BUILD=1 reuses an existing .next build.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { serverNodeOptions } from "../lib/server-heap";

const root = path.resolve(__dirname, "..");
const port = process.env.E2E_PORT ?? "3100";
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

let server: ChildProcess | undefined;
let cleanup: () => Promise<void> = async () => undefined;

function run(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [nextBin, ...args], { cwd: root, env, stdio: "inherit" });
}

function finished(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

/** A database name unique to this run; only letters, digits and underscores, so it needs no quoting. */
function runDatabaseName(): string {
  const id = process.env.E2E_RUN_ID ?? `${process.pid}_${Date.now().toString(36)}`;
  return `ct_e2e_${id.replace(/[^a-z0-9_]/gi, "_").toLowerCase()}`;
}

async function onServer(adminUrl: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function prepareDatabase(env: NodeJS.ProcessEnv): Promise<void> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dataDir = path.resolve(root, process.env.E2E_DATA_DIR ?? path.join(".data", "e2e"));
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(`${dataDir}.lock`, { force: true });
    env.PGLITE_DATA_DIR = dataDir;
    // Pictures uploaded during the run go beside it, wiped with it.
    fs.rmSync(`${dataDir}-uploads`, { recursive: true, force: true });
    env.UPLOADS_DIR ??= `${dataDir}-uploads`;
    console.log(`[e2e] embedded database in ${path.relative(root, dataDir)} (wiped)`);
    return;
  }
  const name = runDatabaseName();
  await onServer(adminUrl, `create database ${name}`);
  // Both the signal handler and the end of `next start` call this: they share one drop.
  let dropping: Promise<void> | undefined;
  cleanup = () =>
    (dropping ??= onServer(adminUrl, `drop database if exists ${name} with (force)`).then(() => console.log(`[e2e] dropped database ${name}`)));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  env.SEED_DEMO = "true";
  console.log(`[e2e] throwaway PostgreSQL database ${name}`);
}

async function stop(signal: NodeJS.Signals): Promise<void> {
  if (server && server.exitCode === null && server.signalCode === null) {
    server.kill(signal);
    await finished(server);
  }
  await cleanup().catch((error) => console.error("[e2e] could not drop the run's database:", error));
  process.exit(0);
}

async function main(): Promise<void> {
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void stop(signal));
  // Every test signs up its own members, all from this one address. The dev mailbox is on so the
  // tests can read the email the hub writes (never on a real site), and links in email point here.
  // E2E_TEST_HOOKS lets a spec run the check-in nudge job with a clock it controls (never set it elsewhere).
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: port,
    SIGN_UP_LIMIT_PER_HOUR: "100000",
    SIGN_IN_LIMIT_PER_ADDRESS: "100000",
    DEV_MAILBOX: "on",
    E2E_TEST_HOOKS: "true",
    SITE_URL: process.env.SITE_URL ?? `http://127.0.0.1:${port}`,
    // Single sign-on against the OpenID provider e2e/single-sign-on.spec.ts starts on this port while it runs.
    OIDC_ISSUER: `http://127.0.0.1:${Number(port) + 50}/oidc`,
    OIDC_CLIENT_ID: "common-thread-test",
    OIDC_CLIENT_SECRET: "a-client-secret-for-tests-only-0123456789",
    OIDC_NAME: "Test Volunteers",
  };
  if (process.env.E2E_SKIP_BUILD !== "1") {
    const code = await finished(run(["build"], env));
    if (code !== 0) throw new Error(`next build failed (exit ${code})`);
  }
  await prepareDatabase(env);
  // Playwright's request contexts keep connections open with no idle limit of their own; the
  // server's default of 5 s would close one just as a test reuses it (a spurious ECONNRESET).
  // Five minutes outlasts any test's own pauses.
  server = run(["start", "-p", port, "-H", "127.0.0.1", "--keepAliveTimeout", "300000"], { ...env, NODE_OPTIONS: serverNodeOptions(env.NODE_OPTIONS) });
  const code = await finished(server);
  await cleanup();
  process.exit(code);
}

main().catch(async (error) => {
  console.error("[e2e]", error instanceof Error ? error.message : error);
  await cleanup().catch(() => undefined);
  process.exit(1);
});
