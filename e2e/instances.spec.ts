import { expect, test } from "./fixtures";
import { basePort, startServer, stopServer, throwawayDatabase, within } from "./servers";

/*
 * Two instances on one PostgreSQL (docs/operations.md, "Several instances"): each keeps its own pages. A
 * write through one shows at once there and through the API of both; the other hears of it on
 * PostgreSQL's channel (server/instances.ts) and drops the page it kept for visitors within two
 * seconds; a page it kept for a request with cookies is fresh at once. An instance started with
 * another AUTH_SECRET is told so, and so are the others.
 */

const KEPT_AT_MOST_MS = 2_000;
const SECRET = "instances-test-secret-0123456789";
const CACHE = "x-common-thread-cache";

test.describe("two instances on one database", () => {
  test.skip(!process.env.DATABASE_URL, "needs PostgreSQL (set DATABASE_URL)");
  test.setTimeout(180_000);

  test("serve the same fresh counts: at once through the API and to members, within the bound on a visitor's kept page", async ({ request }) => {
    const database = await throwawayDatabase("ct_instances");
    const a = { port: basePort + 920, base: `http://127.0.0.1:${basePort + 920}` };
    const b = { port: basePort + 921, base: `http://127.0.0.1:${basePort + 921}` };
    // The first instance migrates and seeds the demo town; the second starts once it has.
    const first = startServer(a.port, { DATABASE_URL: database.direct, AUTH_SECRET: SECRET, SEED_DEMO: "true", JOBS: "off" });
    let second: ReturnType<typeof startServer> | undefined;
    try {
      await within(90_000, async () => (await request.get(`${a.base}/api/health`, { failOnStatusCode: false })).status() === 200);
      second = startServer(b.port, { DATABASE_URL: database.direct, AUTH_SECRET: SECRET, SEED_DEMO: "false", JOBS: "off" });
      await within(60_000, async () => (await request.get(`${b.base}/api/health`, { failOnStatusCode: false })).status() === 200);

      // An activity two days ahead with room.
      const { activities } = await (await request.get(`${a.base}/api/activities?perPage=50`)).json();
      const activity = (activities as Array<{ id: string; startsAt: string; spotsLeft: number | null; rsvpCutoff: string | null; goingCount: number }>).find(
        (x) => new Date(x.startsAt).getTime() > Date.now() + 2 * 24 * 3600_000 && (x.spotsLeft === null || x.spotsLeft >= 1) && !x.rsvpCutoff,
      )!;
      expect(activity, "the demo town has an activity with room").toBeTruthy();
      const page = `/activities/${activity.id}`;
      const goingOn = async (base: string) => {
        const res = await request.get(base + page);
        return { count: Number(/data-testid="going-count">(\d+)</.exec(await res.text())?.[1]), cache: res.headers()[CACHE] };
      };

      // The second instance keeps the visitor's page (nothing else writes to this database).
      await goingOn(b.base);
      const kept = await goingOn(b.base);
      expect(kept.cache).toBe("hit");
      expect(kept.count).toBe(activity.goingCount);

      // A member signs up and RSVPs through the first instance.
      const email = `instances-${Date.now().toString(36)}@example.test`;
      expect((await request.post(`${a.base}/api/users`, { data: { name: "Ines Instance", email, password: "two instances, one truth" } })).status()).toBe(201);
      const token = (await (await request.post(`${a.base}/api/tokens`, { data: { email, password: "two instances, one truth", name: "instances" } })).json()).token as string;
      const auth = { Authorization: `Bearer ${token}` };
      // The second instance renders, and keeps, the page for a request with a cookie (a member's
      // session, or a visitor's time-zone choice), just before the write.
      const withCookie = { cookie: "ct_tz=Europe/London" };
      const before = await request.get(`${b.base}${page}`, { headers: withCookie });
      expect(Number(/data-testid="going-count">(\d+)</.exec(await before.text())?.[1])).toBe(activity.goingCount);
      const rsvp = await request.post(`${a.base}/api/activities/${activity.id}/rsvp`, { data: { status: "going" }, headers: auth });
      expect(rsvp.status()).toBe(200);
      const written = Date.now();
      const expected = activity.goingCount + 1;

      // The visitor's page the second instance kept shows the new count within two seconds.
      await within(KEPT_AT_MOST_MS + 3_000, async () => (await goingOn(b.base)).count === expected);
      expect(Date.now() - written, "the second instance's kept page caught up within two seconds").toBeLessThanOrEqual(KEPT_AT_MOST_MS);

      // At once: the first instance's visitor page, and both instances' API (never kept).
      expect((await goingOn(a.base)).count).toBe(expected);
      for (const base of [a.base, b.base]) {
        const { activities: fresh } = await (await request.get(`${base}/api/activities?perPage=50`)).json();
        expect((fresh as Array<{ id: string; goingCount: number }>).find((x) => x.id === activity.id)?.goingCount, base).toBe(expected);
      }
      // The same request on the second instance: the write through the first moved the
      // database's snapshot, so it is rendered afresh, not replayed: fresh at once.
      const mine = await request.get(`${b.base}${page}`, { headers: withCookie });
      expect(mine.headers()[CACHE]).toBe("miss");
      expect(Number(/data-testid="going-count">(\d+)</.exec(await mine.text())?.[1])).toBe(expected);

      // A third instance started with another AUTH_SECRET: it is told, and so are the others.
      const c = { port: basePort + 922, base: `http://127.0.0.1:${basePort + 922}` };
      const third = startServer(c.port, { DATABASE_URL: database.direct, AUTH_SECRET: "another-secret-entirely-0123456789", SEED_DEMO: "false", JOBS: "off" });
      try {
        await within(60_000, async () => (await request.get(`${c.base}/api/health`, { failOnStatusCode: false })).status() === 200);
        const warning = /Another instance on this database runs with a different AUTH_SECRET/;
        await within(10_000, async () => warning.test(third.output()) && warning.test(first.output()));
        expect(second!.output()).toMatch(warning);
        // The health check says so too, on the newcomer and on the others.
        for (const base of [c.base, a.base]) expect((await (await request.get(`${base}/api/health`)).json()).instancesOutOfStep, base).toBeGreaterThanOrEqual(1);
      } finally {
        await stopServer(third.child);
      }
    } finally {
      if (second) await stopServer(second.child);
      await stopServer(first.child);
      await database.drop();
    }
  });
});
