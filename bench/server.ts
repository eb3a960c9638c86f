/*
 * The server under measurement: `next start` of the production build (built first when there is
 * none), with the statement probe on, and the resident memory of its next-server process read
 * from /proc/<pid>/status.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { serverNodeOptions } from "../lib/server-heap";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

export function ensureBuild(): void {
  if (fs.existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  console.log("No production build found: building…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (build.status !== 0) throw new Error("next build failed");
}

export interface Served {
  base: string;
  child: ChildProcess;
  /** Resident memory of the next-server process, in MB. */
  rssMb: () => number;
  stop: () => Promise<void>;
}

/** The process ids below `pid` (children, grandchildren…), from /proc. */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of parents) if (parent === p) (found.push(child), walk(child));
  };
  walk(pid);
  return found;
}

function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** The process that serves: the one named next-server, else the started process itself. */
function serverPid(started: number): number {
  for (const pid of [started, ...descendants(started)]) {
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim().startsWith("next-server")) return pid;
      if (fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("next-server")) return pid;
    } catch {
      // gone meanwhile
    }
  }
  return started;
}

/** Whether nothing listens on the port: otherwise the bench would measure whatever does. */
async function portFree(port: number): Promise<boolean> {
  const net = await import("node:net");
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** Starts `next start` on `port`; `extra` settings come last (the crowd bench's pooler and proxy settings). */
export async function startServer(port: number, database: { kind: "embedded"; dataDir: string } | { kind: "scale"; url: string }, extra: Record<string, string> = {}): Promise<Served> {
  const base = `http://127.0.0.1:${port}`;
  if (!(await portFree(port))) throw new Error(`Port ${port} is in use by another process: stop it, or choose another with BENCH_PORT.`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    // At scale every statement is kept whole with its parameters, for the EXPLAIN of each (bench/explain.ts).
    SQL_STATEMENT_PROBE: database.kind === "scale" ? "explain" : "on",
    AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-bench-secret-bench-secret",
    SITE_URL: base,
    // The benchmark signs up and signs in its own members from one address.
    SIGN_UP_LIMIT_PER_HOUR: "100000",
    SIGN_IN_LIMIT_PER_ADDRESS: "100000",
    // As `npm start` serves it.
    NODE_OPTIONS: serverNodeOptions(),
  };
  if (database.kind === "embedded") {
    fs.rmSync(database.dataDir, { recursive: true, force: true });
    fs.rmSync(`${database.dataDir}.lock`, { force: true });
    delete env.DATABASE_URL;
    env.PGLITE_DATA_DIR = database.dataDir;
    env.SEED_DEMO = "true";
  } else {
    env.DATABASE_URL = database.url;
    env.SEED_DEMO = "false";
  }
  Object.assign(env, extra);
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start stopped (exit ${child.exitCode}).`);
    if (Date.now() > deadline) throw new Error("The server did not answer within three minutes.");
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const pid = serverPid(child.pid!);
  return {
    base,
    child,
    rssMb: () => rssOf(pid),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}
