import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDbHandle, type DbHandle } from "@/db/client";
import { EmbeddedDatabaseBusyError } from "@/db/embedded-lock";

/*
 * PGlite corrupts a data folder that two processes open at once, so the app must refuse the
 * second opener. These tests use real separate processes (the fixture opens the folder the
 * way `next start` or a seed script would) and the real lock file; nothing is mocked.
 * They run the same with or without DATABASE_URL: the embedded database is what they test.
 */

const fixture = path.join(__dirname, "fixtures", "hold-embedded-db.ts");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "ct-embedded-lock-"));
const children: ChildProcessWithoutNullStreams[] = [];

interface Report {
  pid: number;
  ready?: boolean;
  opened?: boolean;
  name?: string;
  message?: string;
}

/** A separate node process that opens `dataDir` through db/client.ts and reports as it goes. */
function startHolder(dataDir: string, extraEnv: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: dataDir, ...extraEnv };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", fixture], {
    cwd: process.cwd(),
    env,
  });
  children.push(child);
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const reports = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const errors = () => stderr;
  /** The next JSON line the process prints, failing with its stderr if it dies first. */
  const next = async (): Promise<Report> => {
    const line = await reports.next();
    if (line.done) throw new Error(`holder process ended early: ${stderr}`);
    return JSON.parse(line.value) as Report;
  };
  return { child, next, exited, errors };
}

/**
 * Opens `dataDir` in this test process exactly as the app does (getDbHandle), setting aside
 * the database this test file already uses, then puts it back.
 */
async function openHere(dataDir: string): Promise<DbHandle> {
  const store = globalThis as typeof globalThis & { __commonThreadDb?: Promise<DbHandle> };
  const saved = { handle: store.__commonThreadDb, url: process.env.DATABASE_URL, dir: process.env.PGLITE_DATA_DIR };
  store.__commonThreadDb = undefined;
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = dataDir;
  try {
    return await getDbHandle();
  } finally {
    store.__commonThreadDb = saved.handle;
    if (saved.url === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved.url;
    if (saved.dir === undefined) delete process.env.PGLITE_DATA_DIR;
    else process.env.PGLITE_DATA_DIR = saved.dir;
  }
}

/** The pid of a process that has just ended, as a crashed holder leaves in its lock file. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.once("exit", resolve));
  return child.pid!;
}

async function canQuery(handle: DbHandle): Promise<boolean> {
  const result = await handle.db.execute("select 1 as one");
  return (result as unknown as { rows: { one: number }[] }).rows[0]?.one === 1;
}

/*
 * Creating a PGlite folder runs initdb (seconds); each test copies one made up front, so the
 * time goes on the processes competing for it.
 */
const template = path.join(scratch, "template");
function folder(name: string): string {
  const dir = path.join(scratch, name);
  if (!fs.existsSync(dir)) fs.cpSync(template, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  const handle = await openHere(template);
  await handle.close();
});

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe("the embedded database is only ever open in one process", () => {
  it("refuses a second process with a message naming the process that holds it, while another folder opens fine", async () => {
    const holder = startHolder(folder("shared"));
    expect((await holder.next()).ready).toBe(true);
    const opened = await holder.next();
    expect(opened.opened).toBe(true);

    const refused = openHere(folder("shared"));
    await expect(refused).rejects.toBeInstanceOf(EmbeddedDatabaseBusyError);
    await expect(refused).rejects.toThrow(`already open in process ${holder.child.pid}`);

    const other = await openHere(folder("other"));
    try {
      expect(await canQuery(other)).toBe(true);
    } finally {
      await other.close();
    }
    // The holder was not disturbed by the refused attempt.
    holder.child.stdin.end();
    expect(await holder.exited).toBe(0);
  });

  it("opens again as soon as the holding process has stopped", async () => {
    const holder = startHolder(folder("handover"));
    await holder.next();
    expect((await holder.next()).opened).toBe(true);
    holder.child.stdin.end();
    expect(await holder.exited).toBe(0);
    expect(fs.existsSync(`${folder("handover")}.lock`)).toBe(false);

    const handle = await openHere(folder("handover"));
    try {
      expect(await canQuery(handle)).toBe(true);
    } finally {
      await handle.close();
    }
  });

  it.each(["SIGTERM", "SIGINT", "SIGHUP"] as const)("releases the lock when the holding process is stopped with %s", async (signal) => {
    const dir = folder(`signal-${signal}`);
    const holder = startHolder(dir);
    await holder.next();
    expect((await holder.next()).opened).toBe(true);
    expect(fs.existsSync(`${dir}.lock`)).toBe(true);
    holder.child.kill(signal);
    await holder.exited;
    expect(holder.child.signalCode ?? holder.child.exitCode).not.toBe(0);
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it("says so when it takes over a lock whose process is gone", async () => {
    const dir = folder("stale-message");
    const gone = await deadPid();
    fs.writeFileSync(`${dir}.lock`, String(gone));
    const holder = startHolder(dir);
    await holder.next();
    expect((await holder.next()).opened).toBe(true);
    expect(holder.errors()).toContain(`left locked by process ${gone}, which is no longer running; taking it over`);
    holder.child.stdin.end();
    expect(await holder.exited).toBe(0);
  });

  it("takes over the lock left behind by a process that crashed", async () => {
    const holder = startHolder(folder("crashed"));
    await holder.next();
    expect((await holder.next()).opened).toBe(true);
    holder.child.kill("SIGKILL");
    await holder.exited;
    // A killed process cleans nothing up: its lock file still names it.
    expect(fs.readFileSync(`${folder("crashed")}.lock`, "utf8")).toBe(String(holder.child.pid));

    const handle = await openHere(folder("crashed"));
    try {
      expect(await canQuery(handle)).toBe(true);
      expect(fs.readFileSync(`${folder("crashed")}.lock`, "utf8")).toBe(String(process.pid));
    } finally {
      await handle.close();
    }
  });

  it.each([
    ["a free folder", "race-free"],
    ["a folder whose last holder crashed", "race-stale"],
  ])("lets exactly one of two processes starting at the same moment open %s", async (_, name) => {
    const dir = folder(name);
    if (name === "race-stale") fs.writeFileSync(`${dir}.lock`, String(await deadPid()));
    const racers = [startHolder(dir, { WAIT_FOR_GO: "1" }), startHolder(dir, { WAIT_FOR_GO: "1" })];
    for (const racer of racers) expect((await racer.next()).ready).toBe(true);
    const startAt = String(Date.now() + 300);
    for (const racer of racers) racer.child.stdin.write(`${startAt}\n`);

    const results = await Promise.all(racers.map((racer) => racer.next()));
    const winners = results.filter((r) => r.opened);
    const losers = results.filter((r) => !r.opened);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0].name).toBe("EmbeddedDatabaseBusyError");
    expect(losers[0].message).toContain(`already open in process ${winners[0].pid}`);

    const loser = racers.find((r) => r.child.pid === losers[0].pid)!;
    expect(await loser.exited).toBe(3);
    const winner = racers.find((r) => r.child.pid === winners[0].pid)!;
    winner.child.stdin.end();
    expect(await winner.exited).toBe(0);
  });
});
