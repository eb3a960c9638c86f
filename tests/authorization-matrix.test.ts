import fs from "node:fs";
import path from "node:path";
import { and as andOp, eq as eqOp } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CALLS, type Outcome } from "./authz/calls";
import { MATRIX, type Rule } from "./authz/matrix";
import { buildWorld, changedTables, fingerprint, ROLES, type Role, type World } from "./helpers/authz-world";
import { actAs } from "./helpers/session";

vi.mock("@/server/auth/config", async (original) => (await import("./helpers/session")).mockAuthConfig(await original()));
vi.mock("next/headers", async () => (await import("./helpers/session")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("./helpers/session")).mockNextCache());

/*
 * The authorization matrix (tests/authz/matrix.ts) run cell by cell: every server action and
 * every state-changing API route, called directly as each kind of caller.
 *  - Allowed: the call succeeds (an ok result, a redirect onwards, a 2xx) and changes something.
 *  - Refused: the answer is a refusal (a result that is not ok, a 401/403/404, or for the few
 *    actions that answer nothing, nothing) — never an exception or a 500 — and every table
 *    in the database is exactly as it was.
 * How towns are shared between calls to keep this short is explained in tests/authz/matrix.ts.
 */

const ROOT = path.resolve(__dirname, "..");

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Every server action (in app/ and components/) and state-changing route handler, as "file#export". */
function entryPoints(): string[] {
  const keys: string[] = [];
  for (const file of [...walk(path.join(ROOT, "app")), ...walk(path.join(ROOT, "components"))].filter((f) => /\.(ts|tsx)$/.test(f))) {
    const rel = path.relative(ROOT, file).split(path.sep).join("/");
    const text = fs.readFileSync(file, "utf8");
    const isServerFile = /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(text) || /actions\.ts$/.test(rel);
    if (isServerFile) {
      for (const m of text.matchAll(/^export\s+(?:async\s+)?(?:function\s+|const\s+)([A-Za-z0-9_]+)/gm)) keys.push(`${rel}#${m[1]}`);
      for (const m of text.matchAll(/^export\s*\{([^}]*)\}/gm)) for (const name of m[1].split(",").map((s) => s.trim().split(/\s+as\s+/).pop()!).filter(Boolean)) keys.push(`${rel}#${name}`);
    }
    if (rel.startsWith("app/api/") && rel.endsWith("/route.ts")) {
      const names = [...text.matchAll(/^export\s+(?:async\s+)?(?:function\s+|const\s+)(POST|PUT|PATCH|DELETE)\b/gm)].map((m) => m[1]);
      for (const m of text.matchAll(/^export\s+const\s+\{([^}]*)\}/gm)) names.push(...m[1].split(",").map((s) => s.trim()).filter((s) => /^(POST|PUT|PATCH|DELETE)$/.test(s)));
      for (const name of names) keys.push(`${rel}#${name}`);
    }
  }
  return keys.sort();
}

type Verdict = "allowed" | "refused" | "silent" | "done-nothing" | "error";

function verdictOf(outcome: Outcome): Verdict {
  if (outcome.kind === "redirect") return outcome.to.startsWith("/signin?callbackUrl") ? "refused" : "allowed";
  if (outcome.kind === "response") {
    if (outcome.status >= 200 && outcome.status < 300) return "allowed";
    if ([401, 403, 404].includes(outcome.status)) return "refused";
    if (outcome.status >= 300 && outcome.status < 400) return "done-nothing";
    return "error";
  }
  const value = outcome.value as { ok?: boolean } | null | undefined;
  if (value === undefined) return "silent";
  if (value === null) return "done-nothing";
  return value.ok === true ? "allowed" : value.ok === false ? "refused" : "error";
}

const describeOutcome = (o: Outcome) => (o.kind === "response" ? `${o.status} ${o.body.slice(0, 200)}` : o.kind === "redirect" ? `redirect to ${o.to}` : JSON.stringify(o.value)?.slice(0, 200));

describe("the authorization matrix", () => {
  it("lists every server action and state-changing API route, and nothing that no longer exists", () => {
    const found = entryPoints();
    const listed = Object.keys(MATRIX).sort();
    expect(found.filter((k) => !MATRIX[k]), "in app/ but not in tests/authz/matrix.ts: say who may use it").toEqual([]);
    expect(listed.filter((k) => !found.includes(k)), "in tests/authz/matrix.ts but no longer in app/").toEqual([]);
    expect(listed.filter((k) => !CALLS[k]), "in the matrix without a way to call it in tests/authz/calls.ts").toEqual([]);
  });

  const shared: Partial<Record<"public" | "private", World>> = {};
  const refusalsWorld = async (rule: Rule) => (shared[rule.group ?? "private"] ??= await buildWorld(rule.group ?? "private"));
  afterAll(() => actAs(null));
  beforeAll(() => actAs(null));

  for (const [key, rule] of Object.entries(MATRIX)) {
    const roles = rule.sample ?? ROLES;
    it(`${key}: ${rule.allow.length ? rule.allow.join(", ") : "nobody"} may (on ${rule.on})`, async () => {
      const problems: string[] = [];
      const together = rule.allow.length >= 3 && !rule.apart;
      let allowedWorld: World | undefined;
      for (const role of roles as readonly Role[]) {
        const allowed = rule.allow.includes(role);
        const w = !allowed ? await refusalsWorld(rule) : together ? (allowedWorld ??= await buildWorld(rule.group ?? "private")) : await buildWorld(rule.group ?? "private");
        actAs(w.actors[role]);
        const before = await fingerprint();
        let outcome: Outcome;
        try {
          outcome = await CALLS[key](w);
        } catch (error) {
          problems.push(`${role}: threw ${(error as Error).stack?.split("\n").slice(0, 3).join(" ")}`);
          continue;
        } finally {
          actAs(null);
        }
        const changed = changedTables(before, await fingerprint());
        const verdict = verdictOf(outcome);
        if (allowed) {
          if (verdict === "refused" || verdict === "error") problems.push(`${role} should be allowed: ${describeOutcome(outcome)}`);
          else if (!changed.length && !rule.mayChangeNothing) problems.push(`${role} was answered ${verdict} but nothing changed: ${describeOutcome(outcome)}`);
        } else {
          const refusal = verdict === "refused" || verdict === "silent" || (rule.noop && (verdict === "allowed" || verdict === "done-nothing"));
          if (!refusal) problems.push(`${role} should be refused: ${describeOutcome(outcome)}`);
          if (changed.length) {
            problems.push(`${role}'s refusal changed ${changed.join(", ")}`);
            delete shared[rule.group ?? "private"];
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

/*
 * Id swapping: member B (a fellow member of the same group, the likeliest person to try)
 * aims every verb at member A's own things by their ids. Each is refused or touches only
 * B's own rows, and A's row reads exactly as before.
 */
describe("one member acting on another member's things by their ids", () => {
  type Swap = { name: string; row: (w: World) => Promise<unknown>; tries: ((w: World) => Promise<Outcome>)[] };
  const db = async () => (await import("@/db/client")).getDb();
  const schema = () => import("@/db/schema");
  const rowsWhere = async <T,>(table: (s: Awaited<ReturnType<typeof schema>>) => T, where: (s: Awaited<ReturnType<typeof schema>>, t: T, w: World) => unknown, w: World) => {
    const s = await schema();
    const t = table(s);
    return (await db()).select().from(t as never).where(where(s, t, w) as never);
  };
  const call = (key: string) => (w: World) => CALLS[key](w);

  const swaps: Swap[] = [
    {
      name: "A's RSVP (B marks it, pairs it, or answers for the activity)",
      row: (w) => rowsWhere((s) => s.rsvps, (s, t, w) => andOp(eqOp(t.activityId, w.activity.id), eqOp(t.userId, w.member.id)), w),
      tries: [
        (w) => CALLS["app/activities/[id]/organize/actions.ts#pairGreeterAction"]({ ...w, target: w.member }),
        call("app/activities/[id]/actions.ts#withdrawRsvpAction"),
        call("app/api/activities/[id]/rsvp/route.ts#DELETE"),
      ],
    },
    {
      name: "A's attendance at the past activity",
      row: (w) => rowsWhere((s) => s.rsvps, (s, t, w) => andOp(eqOp(t.activityId, w.past.id), eqOp(t.userId, w.member.id)), w),
      tries: [(w) => CALLS["app/activities/[id]/organize/actions.ts#markAttendanceAction"]({ ...w, target: w.member }), (w) => CALLS["app/api/activities/[id]/attendance/route.ts#POST"]({ ...w, target: w.member })],
    },
    {
      name: "A's standing place",
      row: (w) => rowsWhere((s) => s.standingPlaces, (s, t, w) => andOp(eqOp(t.seriesId, w.seriesId), eqOp(t.userId, w.member.id)), w),
      tries: [call("app/api/series/[id]/standing/route.ts#DELETE"), call("app/api/activities/[id]/skip/route.ts#POST")],
    },
    {
      name: "A's place on a task",
      row: (w) => rowsWhere((s) => s.taskClaims, (s, t, w) => andOp(eqOp(t.taskId, w.memberTask.id), eqOp(t.userId, w.member.id)), w),
      tries: [
        call("app/projects/[id]/actions.ts#releaseTaskAction"),
        call("app/projects/[id]/actions.ts#markTaskDoneAction"),
        call("app/api/tasks/[id]/done/route.ts#POST"),
        (w) => CALLS["app/projects/[id]/actions.ts#unassignTaskAction"]({ ...w, task: w.memberTask, claimant: w.member }),
        (w) => CALLS["app/api/tasks/[id]/verify/route.ts#POST"]({ ...w, task: w.memberTask, claimant: w.member }),
      ],
    },
    {
      name: "A's comment",
      row: (w) => rowsWhere((s) => s.comments, (s, t, w) => eqOp(t.id, w.comment.id), w),
      tries: [call("components/discussion/actions.ts#editCommentAction"), call("components/discussion/actions.ts#removeCommentAction"), call("app/api/comments/[id]/route.ts#PATCH"), call("app/api/comments/[id]/route.ts#DELETE")],
    },
    {
      name: "A's connection plan",
      row: (w) => rowsWhere((s) => s.connectionPlans, (s, t, w) => eqOp(t.userId, w.member.id), w),
      tries: [call("app/me/actions.ts#savePlanAction"), call("app/api/me/plan/route.ts#PUT")],
    },
    {
      name: "A's partnership and check-ins",
      row: async (w) => [
        await rowsWhere((s) => s.partnerships, (s, t, w) => eqOp(t.id, w.partnership.id), w),
        await rowsWhere((s) => s.checkIns, (s, t, w) => eqOp(t.partnershipId, w.partnership.id), w),
      ],
      tries: [
        call("app/me/partners/actions.ts#addCheckInAction"),
        call("app/me/partners/actions.ts#changePartnershipAction"),
        call("app/me/partners/actions.ts#changeRhythmAction"),
        call("app/api/me/partners/[id]/route.ts#PATCH"),
        call("app/api/me/partners/[id]/check-ins/route.ts#POST"),
      ],
    },
    {
      name: "A's reflection",
      row: (w) => rowsWhere((s) => s.reflections, (s, t, w) => andOp(eqOp(t.activityId, w.past.id), eqOp(t.userId, w.member.id)), w),
      tries: [call("components/reflection-actions.ts#reflectOnActivityAction"), call("app/api/activities/[id]/reflection/route.ts#POST")],
    },
    {
      name: "A's API token",
      row: (w) => rowsWhere((s) => s.apiTokens, (s, t, w) => eqOp(t.id, w.token.id), w),
      tries: [call("app/account/actions.ts#revokeTokenAction"), call("app/api/tokens/route.ts#DELETE")],
    },
    {
      name: "A's calendar feed",
      row: (w) => rowsWhere((s) => s.calendarFeeds, (s, t, w) => eqOp(t.id, w.feedId), w),
      tries: [call("app/account/actions.ts#revokeFeedAction"), call("app/account/actions.ts#renewFeedAction")],
    },
    {
      name: "A's notification",
      row: (w) => rowsWhere((s) => s.notifications, (s, t, w) => eqOp(t.id, w.notification.id), w),
      tries: [call("app/notifications/actions.ts#markNotificationReadAction"), call("app/notifications/actions.ts#markAllNotificationsReadAction")],
    },
    {
      name: "A's block",
      row: (w) => rowsWhere((s) => s.blocks, (s, t, w) => eqOp(t.blockerId, w.member.id), w),
      tries: [call("app/members/[id]/actions.ts#unblockMemberAction")],
    },
  ];

  let w: World;
  beforeAll(async () => {
    w = await buildWorld("private");
  });

  it.each(swaps.map((s) => [s.name, s] as const))("%s is refused, and A's row is unchanged", async (_name, swap) => {
    const before = JSON.stringify(await swap.row(w));
    expect(JSON.parse(before)).not.toEqual([]);
    for (const attempt of swap.tries) {
      actAs(w.target);
      let outcome: Outcome;
      try {
        outcome = await attempt(w);
      } finally {
        actAs(null);
      }
      expect(verdictOf(outcome), describeOutcome(outcome)).not.toBe("error");
      expect(JSON.stringify(await swap.row(w)), `${describeOutcome(outcome)}`).toBe(before);
    }
  });
});
