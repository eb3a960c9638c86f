import crypto from "node:crypto";
import fs from "node:fs";
import { Client } from "pg";
import { expect, test } from "./fixtures";
import { basePort, startServer, stopServer, throwawayDatabase, within } from "./servers";

/*
 * PostgreSQL only: a busy minute is not an outage. A server of its own (the production build,
 * `next start` on E2E_PORT + 903, the default pool of ten connections, the demo town in a
 * throwaway database) meets 200 simultaneous reads, then 200 simultaneous RSVPs by 200
 * members on an activity with 50 places, then 120 members claiming a task with 40 places at
 * once. Requests wait their turn for a connection; none is told the database is away, none
 * fails, and the places add up exactly.
 */

test.describe.configure({ mode: "serial" });

const PASSWORD = "a busy minute 0123";
const DEMO_ORGANIZER = { email: "organizer@example.com", password: "commonthread" };
const CROWD = 200;
const PLACES = 50;
const CLAIMERS = 120;
const TASK_PLACES = 40;

type Db = Awaited<ReturnType<typeof throwawayDatabase>>;

interface Answer {
  what: string;
  status: number;
  ms: number;
  body?: unknown;
}

test.describe("a busy minute on PostgreSQL", () => {
  test.skip(!process.env.DATABASE_URL, "needs PostgreSQL (set DATABASE_URL)");

  let db: Db;
  let server: ReturnType<typeof startServer>;
  const port = basePort + 903;
  const base = `http://127.0.0.1:${port}`;
  const members: Record<string, string>[] = [];
  let activity = "";

  async function call(what: string, path: string, init: RequestInit = {}, timeoutMs = 60_000): Promise<Answer> {
    const started = Date.now();
    try {
      const res = await fetch(`${base}${path}`, { ...init, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
      const text = await res.text();
      const body: unknown = res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : undefined;
      return { what, status: res.status, ms: Date.now() - started, body };
    } catch {
      return { what, status: 0, ms: Date.now() - started };
    }
  }

  const json = (auth: Record<string, string>, method: string, data: unknown): RequestInit => ({
    method,
    headers: { ...auth, "content-type": "application/json" },
    body: JSON.stringify(data),
  });

  async function token(email: string, password: string): Promise<Record<string, string>> {
    const res = await call("token", "/api/tokens", json({}, "POST", { email, password, name: "busy minute" }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { authorization: `Bearer ${(res.body as { token: string }).token}` };
  }

  /** Runs `work` for 0..n-1, `width` at a time (sign-up hashes a password: no point flooding two cores). */
  async function inBatches(n: number, width: number, work: (i: number) => Promise<void>) {
    let next = 0;
    await Promise.all(Array.from({ length: width }, async () => {
      while (next < n) await work(next++);
    }));
  }

  /** 200 reads at once: half as members through the API (each token is looked up too), half pages and API as visitors. */
  function readsBy200(): Promise<Answer>[] {
    const paths = [`/activities`, `/activities/${activity}`, `/groups`, `/groups/riverside-gardeners`, `/api/activities`];
    return Array.from({ length: CROWD }, (_, i) => (i % 2 ? call(paths[i % paths.length], paths[i % paths.length]) : call("api", `/api/activities/${activity}`, { headers: members[i] })));
  }

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    db = await throwawayDatabase("ct_busy");
    server = startServer(port, {
      DATABASE_URL: db.direct,
      DATABASE_POOL_SIZE: undefined,
      AUTH_SECRET: "busy-minute-test-secret-0123456789",
      AUTH_TRUST_HOST: "true",
      SEED_DEMO: "true",
      SIGN_UP_LIMIT_PER_HOUR: "100000",
      // Every page is rendered for its request, so every read goes to the database.
      PAGE_CACHE: "off",
    });
    await within(120_000, async () => (await call("health", "/api/health", {}, 5_000)).status === 200);

    const organizer = await token(DEMO_ORGANIZER.email, DEMO_ORGANIZER.password);
    const day = new Date(Date.now() + 4 * 24 * 3600_000).toISOString().slice(0, 10);
    const res = await call(
      "activity",
      "/api/groups/riverside-gardeners/activities",
      json(organizer, "POST", {
        kind: "walk",
        title: "Crowded bulb planting",
        startsLocal: `${day}T10:00`,
        endsLocal: `${day}T12:00`,
        timezone: "Europe/London",
        placeName: "Mill Lane garden",
        energyLevel: "low",
        talkLevel: "some_chat",
        capacity: PLACES,
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    activity = (res.body as { activity: { id: string } }).activity.id;

    const tag = crypto.randomBytes(3).toString("hex");
    await inBatches(CROWD, 6, async (i) => {
      const email = `busy-${tag}-${i}@e2e.example`;
      const signedUp = await call("sign-up", "/api/users", json({}, "POST", { name: `Crowd ${i}`, email, password: PASSWORD }));
      expect(signedUp.status, JSON.stringify(signedUp.body)).toBe(201);
      members[i] = await token(email, PASSWORD);
    });
  });

  test.afterEach(async ({}, testInfo) => {
    if (!server || testInfo.status === testInfo.expectedStatus) return;
    const file = testInfo.outputPath("server-output.txt");
    fs.writeFileSync(file, server.output());
    await testInfo.attach("server output", { path: file, contentType: "text/plain" });
  });

  test.afterAll(async () => {
    if (server) await stopServer(server.child);
    await db?.drop();
  });

  test("200 simultaneous reads wait their turn for a connection: every one is answered, none with a 503 or any 5xx", async () => {
    test.setTimeout(120_000);
    const answers = await Promise.all(readsBy200());
    const report = `${answers.filter((a) => a.status !== 200).length} of ${answers.length} not 200: ${JSON.stringify(answers.filter((a) => a.status !== 200).slice(0, 5))}; slowest ${Math.max(...answers.map((a) => a.ms))} ms`;
    console.log(`[busy] reads: ${report}`);
    expect(answers.filter((a) => a.status === 503), report).toEqual([]);
    expect(answers.filter((a) => a.status >= 500 || a.status === 0), report).toEqual([]);
    expect(answers.filter((a) => a.status !== 200), report).toEqual([]);
    // The hub never thought its database had gone.
    expect((await call("health", "/api/health")).status).toBe(200);
    expect(server.output()).not.toMatch(/database is not answering|database unavailable/i);
  });

  test("200 members RSVP at once to 50 places while 200 more reads arrive: every answer is a 200, exactly 50 go and 150 wait in an unbroken line", async () => {
    test.setTimeout(120_000);
    const [answers, reads] = await Promise.all([
      Promise.all(members.map((auth) => call("rsvp", `/api/activities/${activity}/rsvp`, json(auth, "POST", { status: "going" })))),
      Promise.all(readsBy200()),
    ]);
    const failed = [...answers, ...reads].filter((a) => a.status !== 200);
    const report = `${failed.length} of ${answers.length + reads.length} not 200 (${failed.filter((a) => a.what !== "rsvp").length} of them reads): ${JSON.stringify(failed.slice(0, 5))}; slowest ${Math.max(...answers.map((a) => a.ms), ...reads.map((a) => a.ms))} ms`;
    console.log(`[busy] RSVPs: ${report}`);
    expect(failed.filter((a) => a.status === 503), report).toEqual([]);
    expect(failed.filter((a) => a.status >= 500 || a.status === 0), report).toEqual([]);
    expect(failed, report).toEqual([]);

    const states = answers.map((a) => (a.body as { rsvp: { status: string; position?: number } }).rsvp);
    expect(states.filter((s) => s.status === "going")).toHaveLength(PLACES);
    const waiting = states.filter((s) => s.status === "waitlisted");
    expect(waiting).toHaveLength(CROWD - PLACES);
    // Each one told their place in line: 1, 2, … 150, no gaps, no two alike.
    expect(waiting.map((s) => s.position).sort((a, b) => a! - b!)).toEqual(Array.from({ length: CROWD - PLACES }, (_, i) => i + 1));

    const client = new Client({ connectionString: db.direct });
    await client.connect();
    try {
      const { rows } = await client.query(
        `select a.going_count, a.waitlist_count,
                count(*) filter (where r.status = 'going')::int as going,
                count(*) filter (where r.status = 'waitlisted')::int as waiting,
                count(distinct r.waitlist_seq) filter (where r.status = 'waitlisted')::int as seqs
           from activities a join rsvps r on r.activity_id = a.id
          where a.id = $1 group by a.id`,
        [activity],
      );
      expect(rows[0]).toEqual({ going_count: PLACES, waitlist_count: CROWD - PLACES, going: PLACES, waiting: CROWD - PLACES, seqs: CROWD - PLACES });
    } finally {
      await client.end();
    }
    expect((await call("health", "/api/health")).status).toBe(200);
    expect(server.output()).not.toMatch(/database is not answering|database unavailable/i);
  });
  test("120 members claim a task with 40 places at once while 200 more reads arrive: 40 get a place, 80 are told it is full, nothing else", async () => {
    test.setTimeout(120_000);
    const organizer = await token(DEMO_ORGANIZER.email, DEMO_ORGANIZER.password);
    const project = await call("project", "/api/groups/riverside-gardeners/projects", json(organizer, "POST", { title: "Crowded path rebuild", goal: "A level path to every bed", status: "active" }));
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    const projectId = (project.body as { project: { id: string } }).project.id;
    const made = await call("task", `/api/projects/${projectId}/tasks`, json(organizer, "POST", { title: "Barrow gravel", placesNeeded: TASK_PLACES, effort: "low" }));
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const task = (made.body as { task: { id: string } }).task.id;

    const [answers, reads] = await Promise.all([
      Promise.all(members.slice(0, CLAIMERS).map((auth) => call("claim", `/api/tasks/${task}/claim`, json(auth, "POST", { acceptAgreements: true })))),
      Promise.all(readsBy200()),
    ]);
    const unexpected = [...answers.filter((a) => a.status !== 200 && a.status !== 409), ...reads.filter((a) => a.status !== 200)];
    const report = `${unexpected.length} unexpected of ${answers.length + reads.length}: ${JSON.stringify(unexpected.slice(0, 5))}; slowest ${Math.max(...answers.map((a) => a.ms), ...reads.map((a) => a.ms))} ms`;
    console.log(`[busy] claims: ${report}`);
    expect(unexpected.filter((a) => a.status === 503), report).toEqual([]);
    expect(unexpected.filter((a) => a.status >= 500 || a.status === 0), report).toEqual([]);
    expect(unexpected, report).toEqual([]);

    const claimed = answers.filter((a) => a.status === 200);
    expect(claimed).toHaveLength(TASK_PLACES);
    const full = answers.filter((a) => a.status === 409);
    expect(full).toHaveLength(CLAIMERS - TASK_PLACES);
    for (const a of full) expect((a.body as { error: { code: string; message: string } }).error).toMatchObject({ code: "conflict", message: expect.stringMatching(/places on this task are taken/i) });

    const client = new Client({ connectionString: db.direct });
    await client.connect();
    try {
      const { rows } = await client.query(
        `select t.claimed_count, t.places_needed, (select count(*)::int from task_claims c where c.task_id = t.id) as claims from tasks t where t.id = $1`,
        [task],
      );
      expect(rows[0]).toEqual({ claimed_count: TASK_PLACES, places_needed: TASK_PLACES, claims: TASK_PLACES });
    } finally {
      await client.end();
    }
    expect((await call("health", "/api/health")).status).toBe(200);
    expect(server.output()).not.toMatch(/database is not answering|database unavailable/i);
  });
});
