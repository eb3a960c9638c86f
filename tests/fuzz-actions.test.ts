import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { comments } from "@/db/schema";
import { describeAction } from "@/server/action";
import type { Viewer } from "@/server/auth/session";
import { callAction, notForms, prevs, serverActions, useServerFiles, type FoundAction } from "./helpers/action-calls";
import { addMember, makeActivity, makeGroup, makeProject, makeTask, makeUser } from "./helpers/factories";
import { hostileString } from "./helpers/hostile";

/*
 * Every server action (every exported function of app/**\/*actions.ts and components/**\/*actions.ts,
 * found by walking both)
 * is called as a visitor, a stranger and an organizer-admin with generated forms: the fields
 * it reads (server/action.ts says which), filled with real ids, hostile text and files where
 * text is expected, and with arguments that are not forms at all. Each answers with a typed result and a sentence,
 * or the redirect Next.js turns into a page; none throws. 40 form runs and 10 other-argument
 * runs per action: about 25 seconds on PGlite.
 *
 * The request around an action is stood in for: the signed-in member (the session cookie is
 * next-auth's concern, tested in auth.test.ts), the request headers and the page cache.
 */
const state = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/server/auth/session", () => ({
  getViewer: async () => state.viewer,
  requireViewer: async () => {
    if (!state.viewer) throw Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/signin;307;" });
    return state.viewer;
  },
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9", "user-agent": "fuzz" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
}));
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<object>()), revalidatePath: () => undefined, revalidateTag: () => undefined }));

const CODES = ["invalid_input", "unauthenticated", "forbidden", "not_found", "conflict", "closed", "rate_limited", "try_again"];

/** Next.js's own control flow: a redirect or a not-found page, which the framework answers. */
const isNextControlFlow = (error: unknown) => typeof (error as { digest?: unknown })?.digest === "string" && /^NEXT_(REDIRECT|HTTP_ERROR_FALLBACK)/.test((error as { digest: string }).digest);

async function expectTypedAnswer(action: FoundAction, run: () => Promise<unknown>, input: string) {
  let result: unknown;
  try {
    result = await run();
  } catch (error) {
    expect(isNextControlFlow(error), `${action.name} threw for ${input}: ${String(error)}`).toBe(true);
    return;
  }
  if (result === undefined) {
    // Only plain form actions (no state to show) answer with nothing; the page they post from is re-rendered.
    expect(action.bound, `${action.name} answered nothing for ${input}`).toBe(-1);
    return;
  }
  const answer = result as { ok?: unknown; code?: unknown; message?: unknown };
  tally.set(String(answer.ok === true ? "ok" : answer.code), (tally.get(String(answer.ok === true ? "ok" : answer.code)) ?? 0) + 1);
  expect(typeof answer.ok, `${action.name}: ${input}`).toBe("boolean");
  if (answer.ok === false) {
    expect(CODES, `${action.name}: ${input}`).toContain(answer.code);
    expect(typeof answer.message).toBe("string");
    expect((answer.message as string).length, `${action.name}: ${input}`).toBeGreaterThan(10);
    expect(answer.message).not.toMatch(/Error:|\bat [\w.]+ \(|violates|constraint|syntax/i);
  }
}

const describeInput = (bound: unknown[], form: unknown) =>
  fc.stringify({ bound, form: form instanceof FormData ? [...form.entries()].map(([k, v]) => [k, typeof v === "string" ? v.slice(0, 60) : "<file>"]) : form });

// A fixed seed makes the run the same on every machine and database, so the tally below (that
// the generated forms reach every kind of answer) never depends on luck. Change it to explore.
fc.configureGlobal({ seed: 20261204 });

/** How the answers fell out, to show the forms reach past the first check. */
const tally = new Map<string, number>();
let ids: string[] = [];
let viewers: (Viewer | null)[] = [];

beforeAll(async () => {
  const [organizer, stranger, member] = await Promise.all([makeUser({ role: "admin" }), makeUser(), makeUser()]);
  const group = await makeGroup();
  await addMember(group.id, organizer.id, "owner");
  await addMember(group.id, member.id);
  const activity = await makeActivity(group.id);
  const past = await makeActivity(group.id, { startsInHours: -30 });
  const project = await makeProject(group.id);
  const task = await makeTask(project.id);
  const db = await getDb();
  const [comment] = await db.insert(comments).values({ projectId: project.id, authorId: member.id, body: "I'll bring gloves." }).returning();
  ids = [group.id, group.slug, activity.id, past.id, project.id, task.id, comment.id, organizer.id, stranger.id, member.id, "00000000-0000-4000-8000-000000000001"];
  const asViewer = (u: typeof organizer): Viewer => ({ id: u.id, name: u.name, email: u.email, isAdmin: u.role === "admin", listedAsGoing: true, unreadNotifications: 0, timezone: null, emailConfirmed: true, locale: null });
  viewers = [null, asViewer(stranger), asViewer(organizer)];
});

const actions = serverActions();

/** A form with some of the action's fields: real ids, hostile text, or a file where text goes. */
const formArb = (fields: string[]) =>
  fc
    .array(
      fc.tuple(
        fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...fields, "activityId") }, { weight: 1, arbitrary: hostileString() }),
        fc.oneof(
          { weight: 3, arbitrary: fc.integer({ min: 0, max: 10 }).map((i) => ({ id: i })) },
          { weight: 4, arbitrary: hostileString() },
          { weight: 1, arbitrary: fc.constantFrom("on", "true", "going", "1", "3", "weekly", "following", "attended") },
          { weight: 1, arbitrary: fc.constant("file") },
        ),
      ),
      { maxLength: 10 },
    )
    .map((entries) => (realIds: string[]) => {
      const form = new FormData();
      for (const [key, value] of entries) {
        if (value === "file") form.append(key, new File(["<svg onload=alert(1)>"], "a.svg", { type: "image/svg+xml" }));
        else form.append(key, typeof value === "string" ? value : realIds[value.id]);
      }
      return form;
    });

const boundArb = fc.array(fc.oneof(fc.integer({ min: 0, max: 10 }).map((i) => ({ id: i })), hostileString()), { minLength: 3, maxLength: 3 });
const resolveBound = (bound: ({ id: number } | string)[]) => bound.map((b) => (typeof b === "string" ? b : ids[b.id]));

describe("every server action, fuzzed", () => {
  it('finds every "use server" file under app/ and components/ among the actions it calls', () => {
    const found = new Set(actions.map((a) => a.file));
    expect(useServerFiles().filter((f) => !found.has(f))).toEqual([]);
    expect(actions.length).toBeGreaterThan(50);
  });

  it("knows the fields every action reads, including those a shared helper reads for it", () => {
    // Only an action made with server/action.ts says what it reads; one that takes arguments must be made with it.
    expect(actions.filter((a) => a.fn.length > 0 && !describeAction(a.fn)).map((a) => a.name)).toEqual([]);
    const fieldsOf = (name: string) => actions.find((a) => a.name.endsWith(` ${name}`))?.fields;
    expect(fieldsOf("rsvpToActivityAction")).toEqual(expect.arrayContaining(["activityId", "status", "goTogether", "offersToGreet"]));
    expect(fieldsOf("createActivityAction")).toEqual(expect.arrayContaining(["title", "startsLocal", "timezone", "startedOk"]));
    expect(fieldsOf("createActivityAction")).not.toContain("groupId");
    expect(fieldsOf("savePlanAction")).toEqual(expect.arrayContaining(["weeklyTotalGoal", "free", "interestGroupIds"]));
    expect(fieldsOf("reflectOnActivityAction")).toEqual(expect.arrayContaining(["activityId", "feeling", "note", "from"]));
  });

  for (const action of actions) {
    it(`${action.name} answers generated forms with a typed result, as anyone`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: 2 }), boundArb, fc.constantFrom(...prevs), formArb(action.fields), async (who, bound, prev, makeForm) => {
          state.viewer = viewers[who];
          const args = resolveBound(bound);
          const form = makeForm(ids);
          await expectTypedAnswer(action, () => callAction(action, args, prev, form), describeInput(args, form));
        }),
        { numRuns: 40 },
      );
    });

    it(`${action.name} answers arguments that are not a form without reading them`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: 2 }), fc.oneof(fc.constantFrom(...notForms), fc.anything({ maxDepth: 2 })), fc.anything({ maxDepth: 1 }), async (who, form, prev) => {
          state.viewer = viewers[who];
          await expectTypedAnswer(action, () => callAction(action, ids.slice(0, 3), prev, form), describeInput([], form));
        }),
        { numRuns: 10 },
      );
    });
  }

  it("reaches past validation: real ids and well-formed values get refusals of every kind and some successes", () => {
    for (const code of ["ok", "invalid_input", "unauthenticated", "not_found", "forbidden"]) expect(tally.get(code) ?? 0, `${code} in ${JSON.stringify([...tally])}`).toBeGreaterThan(0);
  });
});
