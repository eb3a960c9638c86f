/*
 * `npm run bench:crowd` (never part of `npm test`): a crowd on real engines. Two instances of
 * the production build behind nginx (Debian's), reaching PostgreSQL through PgBouncer in
 * transaction mode, meet CROWD_CLIENTS (200) clients for CROWD_SECONDS (60) seconds mixing
 * visitors' pages, members' pages and API reads, RSVPs and task claims; then the same load on
 * one instance reaching PostgreSQL directly, for comparison. Each setup gets a fresh database
 * with the demo town. Reported per setup: throughput, p50/p99 latency (overall and per kind of
 * request), every status seen, and whether the places add up exactly afterwards.
 *
 * Needs PostgreSQL on 127.0.0.1:5432 (CROWD_POSTGRES_URL), and nginx and pgbouncer (installed
 * with apt when missing and run as root). Results: bench/results/crowd-latest.json.
 */
import { execFileSync, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { ensureBuild, startServer, type Served } from "./server";
import { apiToken, inBatches, signIn, signUp } from "./session";

const ADMIN_URL = process.env.CROWD_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const CLIENTS = Number(process.env.CROWD_CLIENTS ?? 200);
const SECONDS = Number(process.env.CROWD_SECONDS ?? 60);
const MEMBERS = Number(process.env.CROWD_MEMBERS ?? 150);
const PORTS = { proxy: 3500, first: 3501, second: 3502, alone: 3503, pgbouncer: 6532 };
const SECRET = crypto.randomBytes(32).toString("base64url");
const ORGANIZER = { email: "organizer@example.com", password: "commonthread" };
const PASSWORD = "a crowd on real engines";

type Kind = "visitor page" | "member page" | "member API read" | "RSVP" | "task claim";

interface Answer {
  kind: Kind;
  status: number;
  ms: number;
}

function need(command: string, pkg: string): void {
  if (spawnSync("sh", ["-c", `command -v ${command}`]).status === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`${command} is not installed (apt-get install ${pkg}).`);
  console.log(`Installing ${pkg}…`);
  execFileSync("apt-get", ["install", "-y", pkg], { stdio: "ignore", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}

async function throwawayDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ct_crowd_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

function startNginx(dir: string, upstreams: number[]): () => void {
  need("nginx", "nginx-light");
  for (const sub of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  const conf = path.join(dir, "nginx.conf");
  fs.writeFileSync(
    conf,
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream hub {
${upstreams.map((p) => `    server 127.0.0.1:${p};`).join("\n")}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${PORTS.proxy};
    client_max_body_size 2m;
    location / {
      proxy_pass http://hub;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
    }
  }
}
`,
  );
  execFileSync("nginx", ["-c", conf, "-p", dir]);
  return () => {
    try {
      execFileSync("nginx", ["-c", conf, "-p", dir, "-s", "quit"]);
    } catch {
      // already gone
    }
  };
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0);

async function call(base: string, kind: Kind, p: string, init: RequestInit = {}): Promise<Answer> {
  const started = performance.now();
  try {
    const res = await fetch(base + p, { ...init, redirect: "manual", signal: AbortSignal.timeout(30_000) });
    await res.arrayBuffer();
    return { kind, status: res.status, ms: performance.now() - started };
  } catch {
    return { kind, status: 0, ms: performance.now() - started };
  }
}

const json = (token: string, method: string, body?: unknown): RequestInit => ({
  method,
  headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  body: body === undefined ? undefined : JSON.stringify(body),
});

async function created(base: string, token: string, p: string, body: unknown): Promise<Record<string, { id: string }>> {
  const res = await fetch(base + p, json(token, "POST", body));
  if (res.status !== 201) throw new Error(`POST ${p} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Record<string, { id: string }>;
}

/** The crowd's world: members with tokens and sessions, a few activities with few places, a project's tasks. */
async function prepare(base: string) {
  const tag = crypto.randomBytes(3).toString("hex");
  const members = Array.from({ length: MEMBERS }, (_, i) => ({ email: `crowd-${tag}-${i}@bench.invalid`, password: PASSWORD }));
  await inBatches(members, 6, (m) => signUp(base, `Crowd ${m.email.split("@")[0].split("-").pop()}`, m));
  const tokens = await inBatches(members, 6, (m) => apiToken(base, m));
  const cookies = await inBatches(members.slice(0, 40), 4, (m) => signIn(base, m));
  const organizer = await apiToken(base, ORGANIZER);
  const day = new Date(Date.now() + 5 * 24 * 3600_000).toISOString().slice(0, 10);
  const activities: string[] = [];
  for (let i = 0; i < 6; i++) {
    const { activity } = await created(base, organizer, "/api/groups/riverside-gardeners/activities", {
      kind: "walk",
      title: `Crowded walk ${i + 1}`,
      startsLocal: `${day}T${String(9 + i).padStart(2, "0")}:00`,
      endsLocal: `${day}T${String(10 + i).padStart(2, "0")}:00`,
      timezone: "Europe/London",
      placeName: "Mill Lane garden",
      energyLevel: "low",
      talkLevel: "some_chat",
      capacity: 20,
    });
    activities.push(activity.id);
  }
  const { project } = await created(base, organizer, "/api/groups/riverside-gardeners/projects", { title: "Crowded path rebuild", goal: "A level path", status: "active" });
  const tasks: string[] = [];
  for (let i = 0; i < 4; i++) tasks.push((await created(base, organizer, `/api/projects/${project.id}/tasks`, { title: `Barrow load ${i + 1}`, placesNeeded: 10, effort: "low" })).task.id);
  return { tokens, cookies, activities, project: project.id, tasks };
}

type World = Awaited<ReturnType<typeof prepare>>;

function pick<T>(xs: T[]): T {
  return xs[Math.floor(Math.random() * xs.length)];
}

/** One request of the mix: mostly reading, as a hub is used, with RSVPs and claims racing for few places. */
function oneRequest(base: string, w: World): Promise<Answer> {
  const r = Math.random();
  if (r < 0.45) return call(base, "visitor page", pick(["/", "/activities", `/activities/${pick(w.activities)}`, "/groups", "/groups/riverside-gardeners", `/projects/${w.project}`]));
  if (r < 0.65) return call(base, "member page", pick(["/", "/activities", `/activities/${pick(w.activities)}`, "/me/participation"]), { headers: { cookie: pick(w.cookies) } });
  if (r < 0.75) return call(base, "member API read", "/api/me/rsvps", { headers: { authorization: `Bearer ${pick(w.tokens)}` } });
  if (r < 0.9) {
    const token = pick(w.tokens);
    const id = pick(w.activities);
    return Math.random() < 0.6 ? call(base, "RSVP", `/api/activities/${id}/rsvp`, json(token, "POST", { status: "going" })) : call(base, "RSVP", `/api/activities/${id}/rsvp`, json(token, "DELETE"));
  }
  const token = pick(w.tokens);
  const id = pick(w.tasks);
  return Math.random() < 0.6 ? call(base, "task claim", `/api/tasks/${id}/claim`, json(token, "POST", { acceptAgreements: true })) : call(base, "task claim", `/api/tasks/${id}/claim`, json(token, "DELETE", {}));
}

async function crowd(base: string, w: World): Promise<{ answers: Answer[]; seconds: number }> {
  const answers: Answer[] = [];
  const started = Date.now();
  const until = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (Date.now() < until) answers.push(await oneRequest(base, w));
    }),
  );
  return { answers, seconds: (Date.now() - started) / 1000 };
}

/** Whether the places add up exactly: counters equal their rows, nothing over its places. */
async function invariants(url: string, w: World): Promise<string[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const problems: string[] = [];
    const { rows: acts } = await c.query(
      `select a.id, a.capacity, a.going_count, a.waitlist_count,
              count(r.*) filter (where r.status = 'going')::int as going,
              count(r.*) filter (where r.status = 'waitlisted')::int as waiting
         from activities a left join rsvps r on r.activity_id = a.id where a.id = any($1) group by a.id`,
      [w.activities],
    );
    for (const a of acts) {
      if (a.going_count !== a.going || a.waitlist_count !== a.waiting) problems.push(`activity ${a.id}: counters ${a.going_count}/${a.waitlist_count}, rows ${a.going}/${a.waiting}`);
      if (a.going > a.capacity) problems.push(`activity ${a.id}: ${a.going} going for ${a.capacity} places`);
      if (a.waiting > 0 && a.going < a.capacity) problems.push(`activity ${a.id}: ${a.waiting} waiting with ${a.capacity - a.going} places free`);
    }
    const { rows: tasks } = await c.query(`select t.id, t.places_needed, t.claimed_count, (select count(*)::int from task_claims k where k.task_id = t.id) as claims from tasks t where t.id = any($1)`, [w.tasks]);
    for (const t of tasks) {
      if (t.claimed_count !== t.claims) problems.push(`task ${t.id}: counter ${t.claimed_count}, ${t.claims} claims`);
      if (t.claims > t.places_needed) problems.push(`task ${t.id}: ${t.claims} claims for ${t.places_needed} places`);
    }
    return problems;
  } finally {
    await c.end();
  }
}

function summarize(name: string, answers: Answer[], seconds: number, problems: string[]) {
  const byKind: Record<string, { count: number; p50: number; p99: number; statuses: Record<string, number> }> = {};
  for (const kind of [...new Set(answers.map((a) => a.kind))]) {
    const mine = answers.filter((a) => a.kind === kind);
    const ms = mine.map((a) => a.ms).sort((a, b) => a - b);
    const statuses: Record<string, number> = {};
    for (const a of mine) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    byKind[kind] = { count: mine.length, p50: Math.round(percentile(ms, 50)), p99: Math.round(percentile(ms, 99)), statuses };
  }
  const all = answers.map((a) => a.ms).sort((a, b) => a - b);
  return {
    setup: name,
    clients: CLIENTS,
    seconds: Math.round(seconds),
    requests: answers.length,
    perSecond: Math.round(answers.length / seconds),
    p50: Math.round(percentile(all, 50)),
    p99: Math.round(percentile(all, 99)),
    serverErrors: answers.filter((a) => a.status >= 500 || a.status === 0).length,
    unavailable: answers.filter((a) => a.status === 503).length,
    invariants: problems.length === 0 ? "exact" : problems,
    byKind,
  };
}

async function runSetup(name: string, pooled: boolean) {
  const db = await throwawayDatabase();
  const stops: (() => Promise<void> | void)[] = [];
  try {
    const common = { AUTH_SECRET: SECRET, SEED_DEMO: "true", SQL_STATEMENT_PROBE: "off", SIGN_IN_LIMIT_PER_ADDRESS: "100000", SIGN_UP_LIMIT_PER_HOUR: "100000" };
    let base: string;
    if (pooled) {
      need("pgbouncer", "pgbouncer");
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-crowd-pgbouncer-"));
      const pgPort = new URL(ADMIN_URL).port || "5432";
      execFileSync("bash", ["scripts/pgbouncer.sh", "start", pgPort, String(PORTS.pgbouncer), dir], { stdio: "inherit" });
      stops.push(() => void execFileSync("bash", ["scripts/pgbouncer.sh", "stop", dir]));
      const pooler = new URL(db.url);
      pooler.port = String(PORTS.pgbouncer);
      base = `http://127.0.0.1:${PORTS.proxy}`;
      const env = { ...common, DATABASE_POOLER: "pgbouncer", DIRECT_DATABASE_URL: db.url, TRUST_PROXY: "1", SITE_URL: base };
      const servers: Served[] = [];
      for (const port of [PORTS.first, PORTS.second]) {
        const served = await startServer(port, { kind: "scale", url: pooler.toString() }, env);
        servers.push(served);
        stops.push(() => served.stop());
      }
      const nginxDir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-crowd-nginx-"));
      stops.push(startNginx(nginxDir, [PORTS.first, PORTS.second]));
      for (let i = 0; i < 50 && !(await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false)); i++) await new Promise((r) => setTimeout(r, 200));
    } else {
      const served = await startServer(PORTS.alone, { kind: "scale", url: db.url }, common);
      stops.push(() => served.stop());
      base = served.base;
    }
    console.log(`${name}: preparing ${MEMBERS} members, 6 activities of 20 places and 4 tasks of 10…`);
    const world = await prepare(base);
    console.log(`${name}: ${CLIENTS} clients for ${SECONDS} s…`);
    const { answers, seconds } = await crowd(base, world);
    const problems = await invariants(db.url, world);
    return summarize(name, answers, seconds, problems);
  } finally {
    for (const stop of stops.reverse()) await stop();
    await db.drop();
  }
}

async function main() {
  ensureBuild();
  const results = [await runSetup("two instances behind nginx, through PgBouncer", true), await runSetup("one instance, PostgreSQL directly", false)];
  const out = { at: new Date().toISOString(), machine: `${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} at the end`, results };
  fs.mkdirSync(path.join("bench", "results"), { recursive: true });
  fs.writeFileSync(path.join("bench", "results", "crowd-latest.json"), JSON.stringify(out, null, 2));
  console.log("\n| Setup | Requests/s | p50 ms | p99 ms | 5xx | 503 | Places add up |");
  console.log("|---|---|---|---|---|---|---|");
  for (const r of results) console.log(`| ${r.setup} | ${r.perSecond} | ${r.p50} | ${r.p99} | ${r.serverErrors} | ${r.unavailable} | ${r.invariants === "exact" ? "exactly" : "NO"} |`);
  for (const r of results) {
    console.log(`\n${r.setup}:`);
    for (const [kind, k] of Object.entries(r.byKind)) console.log(`  ${kind}: ${k.count} requests, p50 ${k.p50} ms, p99 ${k.p99} ms, statuses ${JSON.stringify(k.statuses)}`);
    if (r.invariants !== "exact") console.log(`  places: ${(r.invariants as string[]).join("; ")}`);
  }
  if (results.some((r) => r.serverErrors > 0 || r.invariants !== "exact")) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
