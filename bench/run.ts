/*
 * `npm run bench` (never part of `npm test`): measures the hub as an operator would, on `next start`
 * of the production build (built first when there is none), with the statement probe on.
 *
 * - Databases: the embedded one with the demo town (its own folder, .data/bench, seeded fresh), then,
 *   when BENCH_DATABASE_URL is set, the scale database filled by `npm run bench:seed`.
 * - Each route is warmed up until two batches differ by less than 5 % (at most five), then measured
 *   in at least three interleaved rounds with autocannon (8 connections, 5 s each by default); a
 *   route's figure is the median over rounds of its req/s divided by the trivial dynamic page's req/s
 *   in the same round, so machine noise hits both alike.
 * - Also: SQL statements per request (one labelled probe request per route, right after one unlabelled), server RSS idle / peak
 *   under load / one minute after, client JavaScript per page, and at scale EXPLAIN ANALYZE of every
 *   statement each route runs, as the statement probe caught it (bench/explain.ts).
 * - BENCH_EXPLAIN_ONLY=1 (with BENCH_DATABASE_URL): only the EXPLAIN at scale, no load, in a few
 *   minutes: results in bench/results/latest-scale-explain.json.
 * - Results: a table on screen, bench/results/latest.json (demo) and latest-scale.json; the command
 *   exits non-zero when any target in bench/targets.ts is missed.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ProbedStatement } from "@/db/statement-probe";
import { EXPLAIN_TARGET_MS, explainStatements, LARGE_TABLE_ROWS, type Explained } from "./explain";
import { hit, LOAD, median, warmUp, type Batch, type Route } from "./load";
import { ensureBuild, startServer, type Served } from "./server";
import { apiToken, inBatches, signIn, signUp, type Member } from "./session";
import { evaluate, type Measured } from "./targets";

const PORT = Number(process.env.BENCH_PORT ?? 3400);
const SETTLE_SECONDS = Number(process.env.BENCH_SETTLE_SECONDS ?? 60);
/** Members whose tokens share the RSVP writes: each may change an answer 60 times in ten minutes. */
const WRITERS = 24;
const USES_PER_WRITER = 50;
const root = process.cwd();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Whether a page is rendered for every request (not a prerendered or kept copy): two requests
 * in a row carry different CSP nonces, which only a render gives.
 */
async function isDynamic(base: string, p: string): Promise<boolean> {
  const nonces: string[] = [];
  for (let i = 0; i < 2; i++) {
    const res = await fetch(base + p);
    await res.arrayBuffer();
    if (!res.ok || res.headers.get("x-nextjs-cache") || res.headers.get("x-nextjs-prerender") || res.headers.get("x-common-thread-cache") === "hit") return false;
    nonces.push(/'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1] ?? "");
  }
  return nonces[0] !== "" && nonces[0] !== nonces[1];
}

/** Gzipped bytes of the scripts a page loads from /_next/static. */
async function clientJsKb(base: string, p: string, cookie?: string): Promise<number> {
  const { gzipSync } = await import("node:zlib");
  const html = await (await fetch(base + p, { headers: cookie ? { cookie } : {} })).text();
  const srcs = [...new Set([...html.matchAll(/src="(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1]))];
  let bytes = 0;
  for (const src of srcs) bytes += gzipSync(Buffer.from(await (await fetch(base + src)).arrayBuffer())).length;
  return +(bytes / 1024).toFixed(1);
}

interface Probed {
  statements: number;
  texts: string[];
  /** Whole, with parameters, when the server keeps them (SQL_STATEMENT_PROBE=explain). */
  statementsWithParams?: ProbedStatement[];
}

async function statementsOf(base: string, route: Route): Promise<Probed | null> {
  const label = crypto.randomUUID();
  const req = route.write ? route.write.next() : { headers: {}, body: undefined };
  const res = await fetch(base + route.path, { method: route.write?.method ?? "GET", headers: { ...route.headers, ...req.headers, "x-statement-probe-label": label }, body: req.body });
  await res.arrayBuffer();
  for (let i = 0; i < 20; i++) {
    const { requests } = (await (await fetch(`${base}/api/health/statements`)).json()) as { requests: Array<Probed & { label: string | null; status: number }> };
    const found = requests.find((r) => r.label === label);
    // A failed request's count says nothing about the page: it is not counted.
    if (found) return found.status < 400 ? { statements: found.statements, texts: found.texts, statementsWithParams: found.statementsWithParams } : null;
    await sleep(100);
  }
  return null;
}

/**
 * The statements to explain for a route: those of the counted request, then those the request just
 * before it ran that it did not. A list the server keeps between requests (the neighbourhoods) is
 * not read by the counted request, but it is still read once a minute and must meet its budget too.
 */
function toExplain(before: Probed | null, counted: Probed | null): ProbedStatement[] {
  const own = counted?.statementsWithParams ?? [];
  const texts = new Set(own.map((s) => s.sql));
  return [...own, ...(before?.statementsWithParams ?? []).filter((s) => !texts.has(s.sql))];
}

interface Setup {
  pagesMember: Member;
  writers: Member[];
  signUpWriters: boolean;
}

async function routesFor(server: Served, setup: Setup): Promise<{ routes: Route[]; controlPage: string; cookie: string }> {
  const base = server.base;
  const cookie = await signIn(base, setup.pagesMember);
  if (setup.signUpWriters) await inBatches(setup.writers, 4, (m) => signUp(base, "Bench Writer", m));
  const tokens = await inBatches(setup.writers, 4, (m) => apiToken(base, m));
  const list = (await (await fetch(`${base}/api/activities?perPage=50&from=${new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)}`)).json()) as { activities: Array<{ id: string; startsAt: string; capacity: number | null; status: string; group: { slug: string; visibility: string } }> };
  // At least a day ahead: one already under way takes no RSVPs.
  const open = list.activities.filter((a) => a.group.visibility === "public" && a.status === "scheduled" && Date.parse(a.startsAt) > Date.now() + 86_400_000);
  const page = open[0];
  const unlimited = open.find((a) => a.capacity === null);
  if (!page || !unlimited) throw new Error("No upcoming public activity to measure (is the database seeded?).");
  const { projects } = (await (await fetch(`${base}/api/projects`)).json()) as { projects: Array<{ id: string }> };
  if (!projects[0]) throw new Error("No public project to measure (is the database seeded?).");
  const controlPage = (await isDynamic(base, "/help")) ? "/help" : "/api/health";
  if (controlPage !== "/help") console.log("/help is served static here: /api/health stands in as the trivial dynamic control.");
  const html = await (await fetch(`${base}/help`)).text();
  const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1] ?? "/favicon.ico";
  let turn = 0;
  const uses = new Map<number, number>();
  const write = {
    method: "POST" as const,
    next: () => {
      const i = turn++ % tokens.length;
      const n = (uses.get(i) ?? 0) + 1;
      uses.set(i, n);
      return { headers: { authorization: `Bearer ${tokens[i]}`, "content-type": "application/json" }, body: JSON.stringify({ status: n % 2 ? "going" : "not_going" }) };
    },
  };
  const signedIn = { cookie };
  // A hard reload asks for a fresh page: what a member's page costs when it has to be rendered.
  const rendered = { cookie, "cache-control": "no-cache" };
  // And a visitor's, as a first view from a cache that has none (issue 21: every page anyone can open, rendered).
  const renderedForVisitor = { "cache-control": "no-cache" };
  const routes: Route[] = [
    { name: "trivial dynamic page", path: controlPage, role: "control" },
    { name: "/api/health", path: "/api/health", role: "control" },
    { name: "static asset", path: asset, role: "control" },
    { name: "listing, visitor", path: "/activities", role: "target" },
    { name: "listing filtered + searched, visitor", path: "/activities?kind=walk&kind=hobby&energy=low&talk=quiet&talk=some_chat&q=walk&when=week", role: "target" },
    { name: "activity page, visitor", path: `/activities/${page.id}`, role: "target" },
    { name: "activity page, member", path: `/activities/${page.id}`, role: "target", headers: signedIn },
    { name: "listing, member", path: "/activities", role: "target", headers: signedIn },
    { name: "home, member", path: "/", role: "target", headers: signedIn },
    { name: "listing, member, rendered", path: "/activities", role: "target", headers: rendered },
    { name: "activity page, member, rendered", path: `/activities/${page.id}`, role: "target", headers: rendered },
    { name: "home, member, rendered", path: "/", role: "target", headers: rendered },
    { name: "listing, visitor, rendered", path: "/activities", role: "info", headers: renderedForVisitor },
    { name: "activity page, visitor, rendered", path: `/activities/${page.id}`, role: "info", headers: renderedForVisitor },
    { name: "group page, visitor, rendered", path: `/groups/${page.group.slug}`, role: "info", headers: renderedForVisitor },
    { name: "project page, visitor, rendered", path: `/projects/${projects[0].id}`, role: "info", headers: renderedForVisitor },
    { name: "group page", path: `/groups/${page.group.slug}`, role: "target" },
    { name: "search, visitor", path: "/activities?q=garden", role: "info" },
    { name: "my account, rendered", path: "/account", role: "info", headers: rendered },
    { name: "GET /api/me/rsvps (token)", path: "/api/me/rsvps?past=true", role: "info", headers: { authorization: `Bearer ${tokens[0]}` } },
    { name: "project page, visitor", path: `/projects/${projects[0].id}`, role: "info" },
    { name: "project page, member, rendered", path: `/projects/${projects[0].id}`, role: "info", headers: rendered },
    { name: "my participation, rendered", path: "/me/participation", role: "info", headers: rendered },
    { name: "my plan, rendered", path: "/me/plan", role: "info", headers: rendered },
    { name: "my check-in partners, rendered", path: "/me/partners", role: "info", headers: rendered },
    { name: "notifications, rendered", path: "/notifications", role: "info", headers: rendered },
    { name: "GET /api/activities", path: "/api/activities?perPage=20", role: "target" },
    { name: "RSVP write (API, token)", path: `/api/activities/${unlimited.id}/rsvp`, role: "target", write },
  ];
  return { routes, controlPage, cookie };
}

async function measure(label: string, server: Served, setup: Setup, scale: { url: string; member: Member } | null) {
  const { routes, controlPage, cookie } = await routesFor(server, setup);
  const writeAmount = Math.floor((setup.writers.length * USES_PER_WRITER) / (LOAD.warmupMaxBatches + LOAD.rounds + 1));
  const amountOf = (r: Route) => (r.write ? writeAmount : undefined);
  await sleep(2_000);
  const rssIdle = server.rssMb();
  let rssPeak = rssIdle;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, server.rssMb())), 250);

  console.log(`\n[${label}] warming up ${routes.length} routes…`);
  const warm: Record<string, { batches: number; settled: boolean }> = {};
  for (const r of routes) warm[r.name] = await warmUp(server.base, r, amountOf(r));
  const rounds: Array<Map<string, Batch>> = [];
  for (let i = 0; i < LOAD.rounds; i++) {
    process.stdout.write(`[${label}] round ${i + 1}/${LOAD.rounds}…`);
    const round = new Map<string, Batch>();
    for (const r of routes) round.set(r.name, await hit(server.base, r, LOAD.seconds, amountOf(r)));
    rounds.push(round);
    process.stdout.write(" done\n");
  }
  clearInterval(sampler);
  const statements: Record<string, Probed | null> = {};
  const explained: Record<string, ProbedStatement[]> = {};
  // Each count is of a request made right after one to the same route, as under load: a list
  // the server keeps for a minute (the neighbourhoods) is read once a minute, not per request,
  // and with two dozen routes the first probe of a route can fall just after it lapsed.
  for (const r of routes) {
    const before = await statementsOf(server.base, r);
    statements[r.name] = await statementsOf(server.base, r);
    explained[r.name] = toExplain(before, statements[r.name]);
  }
  const js = {
    floor: await clientJsKb(server.base, controlPage === "/help" ? "/help" : "/"),
    listing: await clientJsKb(server.base, "/activities"),
    activity: await clientJsKb(server.base, routes.find((r) => r.name === "activity page, member")!.path, cookie),
  };
  console.log(`[${label}] waiting ${SETTLE_SECONDS} s for memory to settle…`);
  await sleep(SETTLE_SECONDS * 1000);
  const rssAfter = server.rssMb();

  const control = controlPage === "/help" ? "trivial dynamic page" : "/api/health";
  const measured: Measured[] = routes.map((r) => {
    const batches = rounds.map((round) => round.get(r.name)!);
    return {
      name: r.name,
      path: r.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, ":id"),
      role: r.role,
      rps: +median(batches.map((b) => b.rps)).toFixed(1),
      p50Ms: median(batches.map((b) => b.p50)),
      p99Ms: median(batches.map((b) => b.p99)),
      ratio: +median(rounds.map((round) => round.get(r.name)!.rps / round.get(control)!.rps)).toFixed(2),
      failed: batches.reduce((n, b) => n + b.failed, 0),
      statements: statements[r.name]?.statements ?? null,
      warmUp: warm[r.name],
    };
  });
  const explain = scale ? await explainStatements(scale.url, routes.map((r) => ({ route: r.name, statements: explained[r.name] }))) : [];
  for (const s of Object.values(statements)) delete s?.statementsWithParams;
  const memory = { idleMb: Math.round(rssIdle), peakMb: Math.round(rssPeak), afterMb: Math.round(rssAfter) };
  const checks = evaluate({ routes: measured, memory, js, explain, scale: scale !== null });
  return { measured, statements, memory, js, explain, checks, controlPage };
}

function print(label: string, r: Awaited<ReturnType<typeof measure>>) {
  console.log(`\n${label}: ratios are req/s over the trivial dynamic page (${r.controlPage}) in the same round, median of ${LOAD.rounds} rounds`);
  console.log(["route".padEnd(40), "req/s".padStart(8), "p50 ms".padStart(7), "p99 ms".padStart(7), "ratio".padStart(7), "SQL".padStart(4), "fail".padStart(5)].join(" "));
  for (const m of r.measured) {
    console.log([m.name.padEnd(40), String(m.rps).padStart(8), String(m.p50Ms).padStart(7), String(m.p99Ms).padStart(7), `${m.ratio}×`.padStart(7), String(m.statements ?? "?").padStart(4), String(m.failed).padStart(5)].join(" "));
  }
  console.log(`server RSS: idle ${r.memory.idleMb} MB, peak ${r.memory.peakMb} MB, a minute after ${r.memory.afterMb} MB; client JS (gzip): floor ${r.js.floor} KB, listing ${r.js.listing} KB, activity page ${r.js.activity} KB`);
  printExplain(r.explain);
  console.log("\nTargets:");
  for (const c of r.checks) console.log(`  ${c.ok ? "pass" : "MISS"}  ${c.target}: ${c.actual}`);
}

function printExplain(explain: Explained[]) {
  for (const e of explain) {
    console.log(`EXPLAIN ${e.route} #${e.statement}: ${e.executionMs ?? "–"} ms${e.seqScans.length ? ` (${e.seqScans.join(", ")})` : ""}${e.note ? ` [${e.note}]` : ""} ${e.ok ? "ok" : `MISS  ${e.sql.slice(0, 140)}`}`);
  }
}

/** BENCH_EXPLAIN_ONLY=1: every route's statements at scale, explained, without the load. */
async function explainOnly(url: string) {
  const { BENCH_PASSWORD, benchEmail } = await import("./seed-sql");
  const server = await startServer(PORT, { kind: "scale", url });
  try {
    const setup = { pagesMember: { email: benchEmail(1), password: BENCH_PASSWORD }, writers: Array.from({ length: 2 }, (_, i) => ({ email: benchEmail(100 + i), password: BENCH_PASSWORD })), signUpWriters: false };
    const { routes } = await routesFor(server, setup);
    const byRoute: Array<{ route: string; statements: ProbedStatement[] }> = [];
    const counts: Record<string, number | null> = {};
    for (const r of routes) {
      // Twice: the first request of a route may fill caches the page keeps between requests.
      const before = await statementsOf(server.base, r);
      const probed = await statementsOf(server.base, r);
      counts[r.name] = probed?.statements ?? null;
      byRoute.push({ route: r.name, statements: toExplain(before, probed) });
    }
    const explain = await explainStatements(url, byRoute);
    printExplain(explain);
    const checks = explain.map((e) => ({ target: `${e.route} (statement ${e.statement}) ≤ ${EXPLAIN_TARGET_MS} ms, no sequential scan of a table over ${LARGE_TABLE_ROWS} rows`, actual: `${e.executionMs ?? "–"} ms${e.seqScans.length ? `, ${e.seqScans.join(", ")}` : ""}`, ok: e.ok }));
    const missed = checks.filter((c) => !c.ok).length;
    console.log(`\n${explain.length} statements explained over ${routes.length} routes: ${missed === 0 ? "every one met its target" : `${missed} missed`}.`);
    fs.mkdirSync(path.join(root, "bench", "results"), { recursive: true });
    fs.writeFileSync(path.join(root, "bench", "results", "latest-scale-explain.json"), JSON.stringify({ when: new Date().toISOString(), database: "scale (PostgreSQL, 100k activities)", statementsPerRoute: counts, explain, targets: checks }, null, 2) + "\n");
    if (missed) process.exitCode = 1;
  } finally {
    await server.stop();
  }
}

async function main() {
  ensureBuild();
  if (process.env.BENCH_EXPLAIN_ONLY === "1") {
    const url = process.env.BENCH_DATABASE_URL;
    if (!url) throw new Error("BENCH_EXPLAIN_ONLY needs BENCH_DATABASE_URL (the database npm run bench:seed filled).");
    return explainOnly(url);
  }
  const results: Array<{ file: string; failed: boolean }> = [];
  const scaleUrl = process.env.BENCH_DATABASE_URL;
  const only = process.env.BENCH_ONLY; // "demo" or "scale"
  const runs: Array<{ label: string; file: string; db: Parameters<typeof startServer>[1]; setup: Setup; scale: { url: string; member: Member } | null }> = [];
  if (only !== "scale") {
    const stamp = Date.now().toString(36);
    runs.push({
      label: "demo town (embedded)",
      file: "latest.json",
      db: { kind: "embedded", dataDir: path.join(root, ".data", "bench") },
      setup: { pagesMember: { email: "member@example.com", password: "commonthread" }, writers: Array.from({ length: WRITERS }, (_, i) => ({ email: `bench-${stamp}-${i}@example.org`, password: "benchmark member password" })), signUpWriters: true },
      scale: null,
    });
  }
  if (scaleUrl && only !== "demo") {
    const { BENCH_PASSWORD, benchEmail } = await import("./seed-sql");
    const pagesMember = { email: benchEmail(1), password: BENCH_PASSWORD };
    runs.push({
      label: "scale (PostgreSQL, 100k activities)",
      file: "latest-scale.json",
      db: { kind: "scale", url: scaleUrl },
      setup: { pagesMember, writers: Array.from({ length: WRITERS }, (_, i) => ({ email: benchEmail(100 + i), password: BENCH_PASSWORD })), signUpWriters: false },
      scale: { url: scaleUrl, member: pagesMember },
    });
  } else if (!scaleUrl) console.log("BENCH_DATABASE_URL is not set: measuring the demo town only (see docs/benchmarks.md).");

  for (const run of runs) {
    const server = await startServer(PORT, run.db);
    try {
      const r = await measure(run.label, server, run.setup, run.scale);
      print(run.label, r);
      const out = { when: new Date().toISOString(), database: run.label, load: LOAD, controlPage: r.controlPage, routes: r.measured, memory: r.memory, clientJsKb: r.js, explain: r.explain, targets: r.checks, statementTexts: r.statements };
      fs.mkdirSync(path.join(root, "bench", "results"), { recursive: true });
      fs.writeFileSync(path.join(root, "bench", "results", run.file), JSON.stringify(out, null, 2) + "\n");
      results.push({ file: run.file, failed: r.checks.some((c) => !c.ok) });
    } finally {
      await server.stop();
    }
  }
  for (const r of results) console.log(`bench/results/${r.file}: ${r.failed ? "some targets missed" : "every target met"}`);
  if (results.some((r) => r.failed)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
