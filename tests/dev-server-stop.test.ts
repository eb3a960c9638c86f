import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../e2e/servers";

/*
 * Stopping `npm run dev` the way a process manager or `kill <pid>` does must stop the whole
 * server, Next's own `next-server` child included, and free the embedded database for the
 * next start. A real `npm run dev` on its own data folder and port; nothing is mocked.
 */

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "ct-dev-stop-"));
const dataDir = path.join(scratch, "pglite");
const lock = `${dataDir}.lock`;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Every process in a process group (the npm process leads its own), from /proc. */
function groupMembers(pgid: number): number[] {
  return fs
    .readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) === pgid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function waitFor(what: string, check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

let pgid = 0;
afterAll(() => {
  if (pgid) for (const pid of groupMembers(pgid)) if (alive(pid)) process.kill(pid, "SIGKILL");
  fs.rmSync(scratch, { recursive: true, force: true });
});

// The embedded database's lock is what is at stake, so the runs on PostgreSQL leave this to the
// embedded run (and Next allows one `next dev` per project folder, which two runs side by side would share).
describe.skipIf(process.platform !== "linux" || Boolean(process.env.DATABASE_URL))("stopping npm run dev", () => {
  it("SIGTERM to npm's pid stops next-server too and releases the embedded database lock", async () => {
    // The embedded database, in development: no DATABASE_URL, and not the test runner's NODE_ENV.
    const { DATABASE_URL: _url, ...inherited } = process.env;
    const env: NodeJS.ProcessEnv = { ...inherited, NODE_ENV: "development", PGLITE_DATA_DIR: dataDir, SEED_DEMO: "false", NEXT_TELEMETRY_DISABLED: "1" };
    // A port nothing else uses, as another test run may be starting a server of its own beside this one.
    const port = process.env.DEV_STOP_TEST_PORT ?? String(await freePort());
    const npm = spawn("npm", ["run", "dev", "--", "-p", port], { cwd: process.cwd(), env, detached: true, stdio: "ignore" });
    pgid = npm.pid!;
    // The server opens the database (and takes the lock) as it starts.
    let exited: number | null = null;
    npm.on("exit", (code) => (exited = code ?? -1));
    await waitFor("the dev server to open the database", () => {
      if (exited !== null) throw new Error(`npm run dev ended (exit ${exited}) before opening the database`);
      return fs.existsSync(lock);
    }, 240_000);
    const holder = Number(fs.readFileSync(lock, "utf8"));
    expect(holder).not.toBe(npm.pid);
    expect(fs.readFileSync(`/proc/${holder}/cmdline`, "utf8")).toMatch(/next/);

    process.kill(npm.pid!, "SIGTERM");
    await waitFor("every process of npm run dev to end", () => groupMembers(pgid).length === 0, 30_000);
    expect(alive(holder)).toBe(false);
    expect(fs.existsSync(lock)).toBe(false);
  }, 300_000);
});
