import crypto from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";

/*
 * How many SQL statements a page runs, whatever its page size: the server of the browser tests
 * counts them (SQL_STATEMENT_PROBE=on, db/statement-probe.ts), and each request here carries a
 * label so it is found among the other tests' requests. The budgets are the performance
 * targets of docs/benchmarks.md.
 */

const PROBE_LABEL = "x-statement-probe-label";

async function statementsOf(request: APIRequestContext, path: string): Promise<number> {
  return (await probed(request, path)).statements;
}

async function probed(request: APIRequestContext, path: string): Promise<{ statements: number; texts: string[] }> {
  const label = crypto.randomUUID();
  const res = await request.get(path, { headers: { [PROBE_LABEL]: label } });
  expect(res.status(), `GET ${path}`).toBe(200);
  let counted: { statements: number; texts: string[] } | undefined;
  await expect
    .poll(async () => {
      const { requests } = (await (await request.get("/api/health/statements")).json()) as { requests: Array<{ label: string | null; statements: number; texts: string[] }> };
      counted = requests.find((r) => r.label === label);
      return Boolean(counted);
    })
    .toBe(true);
  return counted!;
}

async function upcomingActivityId(request: APIRequestContext): Promise<string> {
  const { activities } = await (await request.get("/api/activities?perPage=1")).json();
  return activities[0].id as string;
}

test("a visitor's listing runs at most two statements, whatever the page size, and an activity page at most three", async ({ request }) => {
  // The neighbourhood list is read at most once a minute per process; the first request may pay for it.
  await statementsOf(request, "/activities");
  for (const path of ["/activities", "/activities?perPage=5", "/activities?perPage=50", "/activities?kind=walk&energy=low&q=walk&when=week"]) {
    expect(await statementsOf(request, path), path).toBeLessThanOrEqual(2);
  }
  const id = await upcomingActivityId(request);
  expect(await statementsOf(request, `/activities/${id}`)).toBeLessThanOrEqual(3);
});

test("a member's listing runs at most three statements and an activity page at most five", async ({ page, member }) => {
  expect(member.email).toBeTruthy();
  const request = page.request;
  await statementsOf(request, "/activities");
  for (const path of ["/activities", "/activities?perPage=50", "/activities?kind=walk&q=walk"]) {
    expect(await statementsOf(request, path), path).toBeLessThanOrEqual(3);
  }
  const id = await upcomingActivityId(request);
  const rsvp = await request.post(`/api/activities/${id}/rsvp`, { data: { status: "maybe" } });
  expect([200, 409]).toContain(rsvp.status());
  expect(await statementsOf(request, `/activities/${id}`)).toBeLessThanOrEqual(5);
});

test("a project page reads each thing once: its title and its body share one lookup of the project", async ({ request }) => {
  const { projects } = await (await request.get("/api/projects")).json();
  const { statements, texts } = await probed(request, `/projects/${projects[0].id as string}`);
  expect(texts.length).toBe(statements);
  expect(texts.filter((t, i) => texts.indexOf(t) !== i)).toEqual([]);
});

test("a member's home runs at most six statements, participation six, the plan five and a project page four", async ({ page, member }) => {
  expect(member.email).toBeTruthy();
  const request = page.request;
  // A plan with free times and interests, and an answer this week: the home page and the plan
  // then read and rank everything they can show.
  const plan = await request.put("/api/me/plan", {
    data: { weeklyTotalGoal: 2, weeklyLowEnergyGoal: 1, freeTimes: [{ day: 6, from: "09:00", to: "17:00" }], interests: ["garden"], interestKinds: ["walk"] },
  });
  expect(plan.status()).toBe(200);
  const id = await upcomingActivityId(request);
  const rsvp = await request.post(`/api/activities/${id}/rsvp`, { data: { status: "going" } });
  expect([200, 409]).toContain(rsvp.status());
  for (const [path, budget] of [["/", 6], ["/me/participation", 6], ["/me/plan", 5]] as const) {
    const { statements, texts } = await probed(request, path);
    expect(statements, `${path}: ${texts.join(" | ")}`).toBeLessThanOrEqual(budget);
  }
  const { projects } = await (await request.get("/api/projects")).json();
  const { statements, texts } = await probed(request, `/projects/${projects[0].id as string}`);
  expect(statements, texts.join(" | ")).toBeLessThanOrEqual(4);
});

test("a visitor's project page runs at most four statements", async ({ request }) => {
  const { projects } = await (await request.get("/api/projects")).json();
  expect(await statementsOf(request, `/projects/${projects[0].id as string}`)).toBeLessThanOrEqual(4);
});
