import crypto from "node:crypto";
import fs from "node:fs";
import { Client } from "pg";
import { expect, test } from "./fixtures";
import { basePort, startServer, stopServer, throwawayDatabase, within } from "./servers";

/*
 * PostgreSQL only: faults under a server of its own (the production build, `next start` on
 * E2E_PORT + 902, with the demo town in a throwaway database reached through a relay):
 * backends terminated under a load of reads and RSVPs, every connection frozen for 10 s,
 * and a row lock held elsewhere.
 */

test.describe.configure({ mode: "serial" });

const PASSWORD = "faults under load 0123";
const DEMO_ORGANIZER = { email: "organizer@example.com", password: "commonthread" };
/** The relay is frozen this long. */
const BLOCK_MS = 10_000;

type Db = Awaited<ReturnType<typeof throwawayDatabase>>;

interface Answer {
  what: string;
  status: number;
  retryAfter: string | null;
  ms: number;
  body?: unknown;
}

test.describe("PostgreSQL faults", () => {
  test.skip(!process.env.DATABASE_URL, "needs PostgreSQL (set DATABASE_URL)");

  let db: Db;
  let server: ReturnType<typeof startServer>;
  const port = basePort + 902;
  const base = `http://127.0.0.1:${port}`;
  /** Bearer headers of the members taking part. */
  const members: Record<string, string>[] = [];
  /** Activities with few places, so answers queue on the waitlist. */
  const busy: string[] = [];
  let locked = "";
  let free = "";
  let task = "";

  /** One request to the test server, timed; a network failure is status 0. */
  async function call(what: string, path: string, init: RequestInit = {}, timeoutMs = 25_000): Promise<Answer> {
    const started = Date.now();
    try {
      const res = await fetch(`${base}${path}`, { ...init, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
      const text = await res.text();
      let body: unknown = undefined;
      if (res.headers.get("content-type")?.includes("json")) body = JSON.parse(text);
      return { what, status: res.status, retryAfter: res.headers.get("retry-after"), ms: Date.now() - started, body };
    } catch {
      return { what, status: 0, retryAfter: null, ms: Date.now() - started };
    }
  }

  const json = (auth: Record<string, string>, method: string, data: unknown): RequestInit => ({
    method,
    headers: { ...auth, "content-type": "application/json" },
    body: JSON.stringify(data),
  });

  async function created(path: string, auth: Record<string, string>, data: unknown): Promise<Record<string, { id: string }>> {
    const res = await call(path, path, json(auth, "POST", data));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Record<string, { id: string }>;
  }

  async function token(email: string, password: string): Promise<Record<string, string>> {
    const res = await call("token", "/api/tokens", json({}, "POST", { email, password, name: "faults" }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { authorization: `Bearer ${(res.body as { token: string }).token}` };
  }

  test.beforeAll(async () => {
    test.setTimeout(150_000);
    db = await throwawayDatabase("ct_faults");
    await db.relay.open();
    server = startServer(port, {
      DATABASE_URL: db.viaRelay,
      AUTH_SECRET: "faults-test-secret-0123456789",
      AUTH_TRUST_HOST: "true",
      SEED_DEMO: "true",
      SIGN_UP_LIMIT_PER_HOUR: "100000",
      // Every page is rendered for its request, so every read meets the faults.
      PAGE_CACHE: "off",
    });
    await within(120_000, async () => (await call("health", "/api/health", {}, 5_000)).status === 200);

    // The demo organizer opens a few activities with three places each, one more pair for the
    // lock, and a task with two places, all in their public, open group.
    const organizer = await token(DEMO_ORGANIZER.email, DEMO_ORGANIZER.password);
    const day = new Date(Date.now() + 3 * 24 * 3600_000).toISOString().slice(0, 10);
    const activity = (title: string, capacity: number) =>
      created("/api/groups/riverside-gardeners/activities", organizer, {
        kind: "walk",
        title,
        startsLocal: `${day}T10:00`,
        endsLocal: `${day}T12:00`,
        timezone: "Europe/London",
        placeName: "Mill Lane garden",
        energyLevel: "low",
        talkLevel: "some_chat",
        capacity,
      }).then((b) => b.activity.id);
    for (const n of [1, 2, 3]) busy.push(await activity(`Busy bed-digging ${n}`, 3));
    locked = await activity("Locked-out potting", 10);
    free = await activity("Free seed swap", 10);
    const { project } = await created("/api/groups/riverside-gardeners/projects", organizer, { title: "Path rebuild", goal: "A level path to every bed", status: "active" });
    task = (await created(`/api/projects/${project.id}/tasks`, organizer, { title: "Barrow gravel", placesNeeded: 2, effort: "low" })).task.id;

    for (let i = 0; i < 8; i++) {
      const email = `faults-${crypto.randomBytes(4).toString("hex")}@e2e.example`;
      await created("/api/users", {}, { name: `Load ${i}`, email, password: PASSWORD });
      members.push(await token(email, PASSWORD));
    }
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

  /** Runs SQL on the test database directly (not through the relay). */
  async function query<T>(text: string, values: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: db.direct });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as T[];
    } finally {
      await client.end();
    }
  }

  test("backends terminated every 3 s under a load of reads and RSVPs: the server stays up, under 1 % fail, none with a 500, and the places add up", async () => {
    test.setTimeout(90_000);
    const LOAD_MS = 24_000;
    const answers: Answer[] = [];
    const stopAt = Date.now() + LOAD_MS;
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];
    /** What each call may answer when nothing goes wrong (a full task and a place not held are answers too). */
    const expected: Record<string, number[]> = {
      listing: [200],
      page: [200],
      api: [200],
      rsvp: [200],
      cancel: [200],
      claim: [200, 409],
      release: [200, 404, 409],
    };

    const reader = async () => {
      while (Date.now() < stopAt) {
        const kind = pick(["listing", "page", "api"]);
        const path = kind === "listing" ? "/activities" : kind === "page" ? `/activities/${pick(busy)}` : "/api/activities";
        answers.push(await call(kind, path));
      }
    };
    const writer = async (auth: Record<string, string>) => {
      while (Date.now() < stopAt) {
        const id = pick(busy);
        const roll = Math.random();
        if (roll < 0.6) answers.push(await call("rsvp", `/api/activities/${id}/rsvp`, json(auth, "POST", { status: pick(["going", "going", "maybe", "not_going"]) })));
        else answers.push(await call("cancel", `/api/activities/${id}/rsvp`, { method: "DELETE", headers: auth }));
        await sleep(400);
        if (Math.random() < 0.5) answers.push(await call("claim", `/api/tasks/${task}/claim`, json(auth, "POST", { acceptAgreements: true })));
        else answers.push(await call("release", `/api/tasks/${task}/claim`, json(auth, "DELETE", {})));
        await sleep(400);
      }
    };
    const terminated: number[] = [];
    const killer = async () => {
      const admin = new Client({ connectionString: db.admin });
      await admin.connect();
      try {
        await sleep(1_500);
        while (Date.now() < stopAt - 1_000) {
          const { rows } = await admin.query("select pg_terminate_backend(pid) as gone from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [db.name]);
          terminated.push(rows.filter((r) => r.gone).length);
          await sleep(3_000);
        }
      } finally {
        await admin.end();
      }
    };
    await Promise.all([reader(), reader(), reader(), reader(), ...members.map(writer), killer()]);

    const failures = answers.filter((a) => !expected[a.what].includes(a.status));
    const summary = `${answers.length} requests, ${failures.length} failed: ${JSON.stringify(failures.slice(0, 10))}; backends terminated per round: ${terminated.join(", ")}`;
    console.log(`[faults] ${summary}`);
    expect(terminated.length, summary).toBeGreaterThanOrEqual(6);
    expect(terminated.filter((n) => n > 0).length, summary).toBeGreaterThanOrEqual(5);
    // Some 900 requests on a quiet two-core machine; far fewer when it is busy with other work.
    expect(answers.length, summary).toBeGreaterThan(50);
    expect(answers.filter((a) => a.status >= 500 && a.status !== 503), summary).toEqual([]);
    expect(failures.filter((a) => a.status === 503 && !(Number(a.retryAfter) > 0)), summary).toEqual([]);
    expect(failures.length / answers.length, summary).toBeLessThan(0.01);
    // The load did take places and queue for them.
    expect(answers.some((a) => (a.body as { rsvp?: { status?: string } } | undefined)?.rsvp?.status === "waitlisted"), summary).toBe(true);
    expect(answers.filter((a) => a.what === "claim" && a.status === 200).length, summary).toBeGreaterThan(0);

    // The server is still the same process, and healthy.
    expect(server.child.exitCode, server.output()).toBeNull();
    await within(5_000, async () => (await call("health", "/api/health")).status === 200);
    expect(server.output()).not.toMatch(/uncaught|unhandled/i);

    // Every activity's counts match its rows, no one holds two answers, nobody waits while a
    // place is free on the activities under load, and the waitlist has one place per person.
    const activities = await query<{ id: string; capacity: number | null; going_count: number; waitlist_count: number; going: number; waiting: number; seqs: number }>(
      `select a.id, a.capacity, a.going_count, a.waitlist_count,
              count(r.user_id) filter (where r.status = 'going')::int as going,
              count(r.user_id) filter (where r.status = 'waitlisted')::int as waiting,
              count(distinct r.waitlist_seq) filter (where r.status = 'waitlisted')::int as seqs
         from activities a left join rsvps r on r.activity_id = a.id
        group by a.id`,
    );
    const violations: string[] = [];
    for (const a of activities) {
      if (a.going_count !== a.going) violations.push(`${a.id}: going count ${a.going_count} but ${a.going} going`);
      if (a.waitlist_count !== a.waiting) violations.push(`${a.id}: waitlist count ${a.waitlist_count} but ${a.waiting} waiting`);
      if (a.capacity !== null && a.going > a.capacity) violations.push(`${a.id}: ${a.going} going over ${a.capacity} places`);
      if (a.seqs !== a.waiting) violations.push(`${a.id}: ${a.waiting} waiting on ${a.seqs} distinct places in line`);
      if (busy.includes(a.id) && a.waiting > 0 && a.going < a.capacity!) violations.push(`${a.id}: someone waits while a place is free`);
    }
    const doubled = await query("select activity_id, user_id from rsvps group by activity_id, user_id having count(*) > 1");
    if (doubled.length) violations.push(`${doubled.length} members hold two answers on one activity`);
    const tasks = await query<{ id: string; places_needed: number; claimed_count: number; former_verified_places: number; claims: number }>(
      `select t.id, t.places_needed, t.claimed_count, t.former_verified_places, count(c.user_id)::int as claims
         from tasks t left join task_claims c on c.task_id = t.id group by t.id`,
    );
    for (const t of tasks) {
      if (t.claimed_count !== t.claims + t.former_verified_places) violations.push(`task ${t.id}: claimed count ${t.claimed_count} but ${t.claims} claims`);
      if (t.claims > t.places_needed) violations.push(`task ${t.id}: ${t.claims} claims on ${t.places_needed} places`);
    }
    expect(activities.length).toBeGreaterThan(busy.length);
    expect(violations).toEqual([]);
  });

  test("every connection frozen for 10 s: requests answer 503 with Retry-After or wait for the thaw, never 500 nor past 15 s, and the hub is back within 5 s", async () => {
    test.setTimeout(60_000);
    // Connections open and idle in the pool, as on any running server.
    for (let i = 0; i < 4; i++) expect((await call("warm", "/api/activities")).status).toBe(200);

    db.relay.hold();
    const frozenAt = Date.now();
    const during: Promise<Answer & { sentAt: number }>[] = [];
    let i = 0;
    while (Date.now() - frozenAt < BLOCK_MS - 500) {
      const sentAt = Date.now() - frozenAt;
      const n = i++;
      const request =
        n % 4 === 0
          ? call("listing", "/activities")
          : n % 4 === 1
            ? call("api", "/api/activities")
            : n % 4 === 2
              ? call("rsvp", `/api/activities/${free}/rsvp`, json(members[n % members.length], "POST", { status: "going" }))
              : call("health", "/api/health");
      during.push(request.then((a) => ({ ...a, sentAt })));
      await new Promise((r) => setTimeout(r, 300));
    }
    await new Promise((r) => setTimeout(r, Math.max(0, BLOCK_MS - (Date.now() - frozenAt))));
    db.relay.release();
    const releasedAt = Date.now();
    const back = await within(5_000, async () => (await call("health", "/api/health")).status === 200 && (await call("listing", "/activities")).status === 200);
    const answers = await Promise.all(during);
    console.log(`[faults] frozen for ${releasedAt - frozenAt} ms, back after ${back} ms: ${JSON.stringify(answers.map((a) => [a.what, a.sentAt, a.status, a.ms]))}`);
    const thawedAt = releasedAt - frozenAt;
    const report = JSON.stringify(answers.map((a) => [a.what, a.sentAt, a.status, a.ms]));
    expect(answers.length).toBeGreaterThan(20);
    // Never a 500: a 503 with Retry-After, or (a page, or a request on a connection that was
    // open when everything froze) an answer as soon as the database is back.
    expect(answers.filter((a) => a.status !== 503 && a.status !== 200), report).toEqual([]);
    expect(answers.filter((a) => a.status === 503 && !(Number(a.retryAfter) > 0)), report).toEqual([]);
    expect(answers.filter((a) => a.status === 200 && a.sentAt + a.ms < thawedAt), report).toEqual([]);
    // The bound: the API and the health check give up after the 2 s connect timeout
    // (db/client.ts); nothing waits past the 15 s a statement may run, nor long after the thaw.
    expect(answers.filter((a) => a.status === 503 && a.ms > 3_500), report).toEqual([]);
    expect(answers.filter((a) => a.ms > 15_000 || a.sentAt + a.ms > thawedAt + 5_000), report).toEqual([]);
    // Once the hub has noticed (within a connect timeout or two), it answers 503 at once.
    const late = answers.filter((a) => a.sentAt >= 5_000);
    expect(late.length).toBeGreaterThan(5);
    expect(late.filter((a) => a.status !== 503 || a.ms > 1_000), report).toEqual([]);
    expect(back).toBeLessThan(5_000);
  });

  test("a row lock held elsewhere: RSVPs to that activity fail fast with a retryable answer while another activity takes them, then it works", async () => {
    test.setTimeout(40_000);
    const holder = new Client({ connectionString: db.direct });
    await holder.connect();
    try {
      await holder.query("begin");
      await holder.query("select id from activities where id = $1 for update", [locked]);
      let otherDoneAt = 0;
      const startedAt = Date.now();
      const [onLocked, onOther] = await Promise.all([
        call("rsvp", `/api/activities/${locked}/rsvp`, json(members[0], "POST", { status: "going" })),
        call("rsvp", `/api/activities/${free}/rsvp`, json(members[1], "POST", { status: "maybe" })).then((a) => ((otherDoneAt = Date.now()), a)),
      ]);
      // lock_timeout is 3 s (db/client.ts): the answer comes then, not after the lock is gone.
      expect(onLocked.status, JSON.stringify(onLocked.body)).toBe(503);
      expect(Number(onLocked.retryAfter)).toBeGreaterThan(0);
      expect(onLocked.body).toEqual({ error: { code: "try_again", message: expect.stringMatching(/try again/i) } });
      expect(onLocked.ms).toBeGreaterThan(2_500);
      expect(onLocked.ms).toBeLessThan(6_000);
      // Meanwhile the other activity answered at once.
      expect(onOther.status, JSON.stringify(onOther.body)).toBe(200);
      expect(onOther.body).toMatchObject({ rsvp: { status: "maybe" } });
      expect(otherDoneAt - startedAt).toBeLessThan(2_500);
    } finally {
      await holder.query("rollback").catch(() => undefined);
      await holder.end();
    }
    const after = await call("rsvp", `/api/activities/${locked}/rsvp`, json(members[0], "POST", { status: "going" }));
    expect(after.status, JSON.stringify(after.body)).toBe(200);
    expect(after.body).toMatchObject({ rsvp: { status: "going" }, activity: { goingCount: 1 } });
    expect(after.ms).toBeLessThan(2_500);
  });
});
