/*
 * The benchmark suite: `npm run bench`. It measures the hub's key routes on a production
 * build and reports each as a ratio to control routes served by the same process, because
 * absolute timings on a shared 2-core machine say little. Controls: /api/health (one
 * trivial query) and /help (a server-rendered page without data). It builds when there is
 * no build, serves it on its own embedded database (or DATABASE_URL), seeds the demo town,
 * and writes bench/results/latest.json (latest-postgres.json on PostgreSQL). Every loop is bounded in count and time.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const PORT = Number(process.env.BENCH_PORT ?? 3400);
const BASE = `http://127.0.0.1:${PORT}`;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60);
const CONCURRENCY = 4;
const root = process.cwd();

interface Target {
  name: string;
  path: string;
  budget: number; // allowed median ratio to the page control (pages) or the API control (API)
  control: "page" | "api";
}

async function waitForServer(deadline: number) {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${BASE}/api/health`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("The server did not answer within the time allowed.");
}

/** Requests that need a member send this personal access token (set once the server is up). */
let bearer = "";

async function timeOnce(url: string): Promise<number> {
  const start = performance.now();
  const authorized = url.includes("/api/me/");
  const res = await fetch(url, { headers: { "user-agent": "common-thread-bench", ...(authorized ? { authorization: `Bearer ${bearer}` } : {}) } });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - start;
}

/** Interleaves target and control requests so machine noise hits both alike. */
async function measure(paths: string[]): Promise<Map<string, number[]>> {
  const samples = new Map(paths.map((p) => [p, [] as number[]]));
  for (const p of paths) await timeOnce(BASE + p); // warm up
  for (let round = 0; round < ROUNDS; round++) {
    for (const p of paths) {
      const batch = await Promise.all(Array.from({ length: CONCURRENCY }, () => timeOnce(BASE + p)));
      samples.get(p)!.push(...batch);
    }
  }
  return samples;
}

/** Signs a bench member up, takes a token and RSVPs once, so /api/me/rsvps has work to do. */
async function memberToken(activityId: string): Promise<string> {
  const post = (p: string, body: unknown, token?: string) =>
    fetch(BASE + p, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  const email = `bench-${Date.now()}@example.org`;
  const password = "benchmark member password";
  const signedUp = await post("/api/users", { name: "Bench Member", email, password });
  if (signedUp.status !== 201) throw new Error(`sign-up answered ${signedUp.status}`);
  const { token } = await (await post("/api/tokens", { email, password, name: "bench" })).json();
  const answered = await post(`/api/activities/${activityId}/rsvp`, { status: "going" }, token);
  if (!answered.ok) throw new Error(`RSVP answered ${answered.status}`);
  return token;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))];
};

async function main() {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("No production build found: building…");
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: process.env });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const dataDir = path.join(root, ".data", "bench");
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(`${dataDir}.lock`, { force: true });
  const server = spawn("npx", ["next", "start", "-p", String(PORT)], {
    env: { ...process.env, PGLITE_DATA_DIR: dataDir, SEED_DEMO: "true", NODE_ENV: "production", AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-bench-secret-bench-secret" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  try {
    await waitForServer(Date.now() + 120_000);
    const list = await (await fetch(`${BASE}/api/activities?perPage=1`)).json();
    bearer = await memberToken(list.activities[0].id);
    const activityId: string = list.activities[0].id;
    const slug: string = list.activities[0].group.slug;
    const targets: Target[] = [
      { name: "home", path: "/", budget: 6, control: "page" },
      { name: "listing", path: "/activities", budget: 6, control: "page" },
      { name: "listing, filtered + search", path: "/activities?kind=walk&kind=hobby&energy=low&talk=quiet&talk=some_chat&q=walk&when=week", budget: 6, control: "page" },
      { name: "activity page", path: `/activities/${activityId}`, budget: 6, control: "page" },
      { name: "group page", path: `/groups/${slug}`, budget: 6, control: "page" },
      { name: "API listing", path: "/api/activities?perPage=20", budget: 12, control: "api" },
      { name: "API activity", path: `/api/activities/${activityId}`, budget: 8, control: "api" },
      { name: "API my RSVPs (token)", path: "/api/me/rsvps", budget: 8, control: "api" },
    ];
    const controls = { page: "/help", api: "/api/health" };
    const samples = await measure([controls.page, controls.api, ...targets.map((t) => t.path)]);
    const controlMedian = { page: median(samples.get(controls.page)!), api: median(samples.get(controls.api)!) };
    const rows = targets.map((t) => {
      const s = samples.get(t.path)!;
      const ratio = median(s) / controlMedian[t.control];
      return { name: t.name, path: t.path, control: controls[t.control], medianMs: +median(s).toFixed(1), p95Ms: +p95(s).toFixed(1), ratio: +ratio.toFixed(2), budget: t.budget, ok: ratio <= t.budget };
    });
    const result = {
      when: new Date().toISOString(),
      database: process.env.DATABASE_URL ? "postgres" : "pglite",
      rounds: ROUNDS,
      concurrency: CONCURRENCY,
      controls: { [controls.page]: +controlMedian.page.toFixed(1), [controls.api]: +controlMedian.api.toFixed(1) },
      routes: rows,
    };
    fs.mkdirSync(path.join(root, "bench", "results"), { recursive: true });
    const file = result.database === "postgres" ? "latest-postgres.json" : "latest.json";
    fs.writeFileSync(path.join(root, "bench", "results", file), JSON.stringify(result, null, 2) + "\n");
    console.log(`controls: /help ${result.controls["/help"]} ms, /api/health ${result.controls["/api/health"]} ms (median)`);
    console.log("route | median ms | p95 ms | ratio to control | budget");
    for (const r of rows) console.log(`${r.name} | ${r.medianMs} | ${r.p95Ms} | ${r.ratio}× ${r.control} | ≤ ${r.budget}× ${r.ok ? "ok" : "OVER"}`);
    if (rows.some((r) => !r.ok)) process.exitCode = 1;
  } finally {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
