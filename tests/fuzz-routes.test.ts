import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { getDb } from "@/db/client";
import { createApiToken } from "@/db/mutations/api-tokens";
import { comments } from "@/db/schema";
import type { Viewer } from "@/server/auth/session";
import { addMember, makeActivity, makeGroup, makeProject, makeTask, makeUser } from "./helpers/factories";
import { deeplyNestedJson, hostileRecord, hostileString, hostileValue } from "./helpers/hostile";

/*
 * Every route handler under app/ (found by walking it, so a new one is covered at once) is sent
 * generated requests: hostile path segments and query strings, percent-encoding, NUL and lone
 * surrogates, JSON bodies filled with hostile values, broken and deeply nested JSON, bodies over
 * 64 KB and the wrong content types, with no credentials, a junk token and a real one. None
 * answers 500; every refusal is a 4xx with a sentence in it. 30 runs per handler plus a 413
 * check per body-reading handler: about 40 seconds on PGlite on an idle two-core machine.
 */
const state = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/server/auth/session", () => ({ getViewer: async () => state.viewer, requireViewer: async () => state.viewer }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
}));
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<object>()), revalidatePath: () => undefined, revalidateTag: () => undefined }));

const ROOT = path.resolve(__dirname, "..");
type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;
const modules = import.meta.glob<Record<string, unknown>>("../app/**/route.ts", { eager: true });

interface Route {
  file: string;
  method: string;
  handler: Handler;
  /** "/api/activities/[id]/rsvp" split in segments; "[id]" marks a parameter. */
  segments: string[];
  readsBody: boolean;
}

const routes: Route[] = Object.entries(modules).flatMap(([rel, exports]) => {
  const file = path.relative(ROOT, path.resolve(__dirname, rel));
  const segments = file.replace(/^app\//, "").replace(/\/?route\.ts$/, "").split("/").filter((s) => s && !/^\(.*\)$/.test(s));
  // Whether this method's own handler reads a body (a DELETE beside a POST often ignores it): an
  // API operation says so in its definition (server/api/route.ts); any other handler, in its source.
  const chunks = fs.readFileSync(path.join(ROOT, file), "utf8").split(/(?=export (?:async )?function )/);
  const readsBody = (method: string) =>
    Boolean((exports[method] as { operation?: { body?: unknown } } | undefined)?.operation?.body) ||
    chunks.some((c) => c.startsWith(`export async function ${method}(`) && /readJson|parseJsonBody|readCappedText/.test(c));
  return METHODS.filter((m) => typeof exports[m] === "function").map((method) => ({ file, method, handler: exports[method] as Handler, segments, readsBody: readsBody(method) }));
});

// next-auth's own endpoints (sign-in, callbacks, CSRF) are next-auth's; auth.test.ts covers how the hub uses them.
const fuzzed = routes.filter((r) => !r.file.includes("[...nextauth]"));

/** Every field name any schema in lib/validation knows: bodies use them so they get past "unknown field". */
const FIELD_NAMES = [
  ...new Set(
    Object.values(import.meta.glob<Record<string, unknown>>("../lib/validation/*.ts", { eager: true })).flatMap((m) =>
      Object.values(m).flatMap((v) => (v instanceof z.ZodObject ? Object.keys(v.shape) : [])),
    ),
  ),
];

let ids: string[] = [];
let token = "";
let owner: Viewer;

beforeAll(async () => {
  const [user, member] = await Promise.all([makeUser(), makeUser()]);
  const group = await makeGroup();
  await addMember(group.id, user.id, "owner");
  await addMember(group.id, member.id);
  const activity = await makeActivity(group.id);
  const project = await makeProject(group.id);
  const task = await makeTask(project.id);
  const db = await getDb();
  const [comment] = await db.insert(comments).values({ projectId: project.id, authorId: member.id, body: "I'll bring gloves." }).returning();
  ids = [group.id, group.slug, activity.id, project.id, task.id, comment.id, member.id, `${activity.id}.ics`, "00000000-0000-4000-8000-000000000001"];
  token = (await createApiToken(user.id, "fuzz")).token;
  owner = { id: user.id, name: user.name, email: user.email, isAdmin: false, listedAsGoing: true, unreadNotifications: 0, timezone: null, emailConfirmed: true, locale: null };
});

/** A path segment as a browser would send it: percent-encoded, or the raw text when it cannot be. */
function encodeSegment(value: string) {
  try {
    return encodeURIComponent(value);
  } catch {
    return "%ED%A0%80"; // a lone surrogate, as UTF-8 bytes no decoder accepts
  }
}

const bodyArb = fc.oneof(
  { weight: 4, arbitrary: hostileRecord(FIELD_NAMES).map((o) => JSON.stringify(o)) },
  { weight: 2, arbitrary: hostileValue().map((v) => JSON.stringify(v) ?? "") },
  { weight: 2, arbitrary: hostileString() },
  { weight: 1, arbitrary: fc.constantFrom('{"status":', "{'status':'going'}", "\u0000{}", "[1,2", '{"a":1}{"b":2}', "\uFEFF{}", deeplyNestedJson(30_000), `{"a":${deeplyNestedJson(10_000)}}`) },
);

const requestArb = fc.record({
  params: fc.array(fc.oneof(fc.integer({ min: 0, max: 8 }), hostileString()), { minLength: 3, maxLength: 3 }),
  query: fc.oneof(
    fc.array(fc.tuple(fc.oneof(fc.constantFrom(...FIELD_NAMES, "tz", "page", "past", "status", "q", "pause", "limit", "format"), hostileString()), hostileString()), { maxLength: 4 }).map((pairs) => new URLSearchParams(pairs).toString()),
    fc.constantFrom("energy=%E0%A4%A&page=-3", "from=%00", "%zz=1", "q=%F0%9F", "page=1&page=2&page=3", "tz=Mars%2FOlympus"),
  ),
  auth: fc.constantFrom("none", "token", "junk", "basic", "session"),
  contentType: fc.constantFrom("application/json", "application/json; charset=utf-16", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", null),
  body: bodyArb,
});

type RequestSpec = typeof requestArb extends fc.Arbitrary<infer T> ? T : never;

function build(route: Route, spec: RequestSpec, bodyOverride?: string): { request: Request; params: Record<string, string | string[]> } {
  const params: Record<string, string | string[]> = {};
  let i = 0;
  const value = () => {
    const p = spec.params[i++ % spec.params.length];
    return typeof p === "number" ? ids[p] : p;
  };
  const urlPath = route.segments
    .map((s) => {
      const catchAll = /^\[\.\.\.(\w+)\]$/.exec(s);
      if (catchAll) return (params[catchAll[1]] = [value(), value()]).map(encodeSegment).join("/");
      const param = /^\[(\w+)\]$/.exec(s);
      if (param) return encodeSegment((params[param[1]] = value()) as string);
      return s;
    })
    .join("/");
  const headers = new Headers();
  if (spec.auth === "token") headers.set("authorization", `Bearer ${token}`);
  if (spec.auth === "junk") headers.set("authorization", "Bearer ct_not-a-real-token-at-all");
  if (spec.auth === "basic") headers.set("authorization", "Basic YTpi");
  if (spec.contentType) headers.set("content-type", spec.contentType);
  const hasBody = !["GET", "HEAD"].includes(route.method);
  const request = new Request(`http://hub.test/${urlPath}${spec.query ? `?${spec.query}` : ""}`, { method: route.method, headers, body: hasBody ? (bodyOverride ?? spec.body) : undefined });
  return { request, params };
}

async function expectSpecificAnswer(route: Route, response: Response, input: string) {
  const where = `${route.method} ${route.file} ${input.slice(0, 400)}`;
  expect(response.status, where).toBeLessThan(500);
  if (response.status < 400 || route.method === "HEAD") return;
  const text = await response.text();
  expect(text.length, where).toBeGreaterThan(0);
  if ((response.headers.get("content-type") ?? "").includes("json")) {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code, where).toBe("string");
    expect(String(body.error?.message).length, where).toBeGreaterThan(10);
  }
}

describe("cases the fuzzing found", () => {
  it("an unsubscribe link whose token holds half a surrogate pair leads to the page that says the link isn't valid", async () => {
    const { GET } = await import("@/app/api/unsubscribe/[token]/route");
    const response = await GET(new Request("http://hub.test/api/unsubscribe/x"), { params: Promise.resolve({ token: "ab\uDBFF\uDBFF" }) });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("http://hub.test/unsubscribe/ab%EF%BF%BD%EF%BF%BD");
  });
});

describe("every route handler, fuzzed", () => {
  it("finds the route handlers under app/", () => {
    expect(fuzzed.length).toBeGreaterThan(40);
    expect(fuzzed.some((r) => r.file === "app/activities/[id]/calendar.ics/route.ts")).toBe(true);
  });

  for (const route of fuzzed) {
    it(`${route.method} ${route.file} never answers 500, and every refusal says why`, async () => {
      await fc.assert(
        fc.asyncProperty(requestArb, async (spec) => {
          state.viewer = spec.auth === "session" ? owner : null;
          const { request, params } = build(route, spec);
          const response = await route.handler(request, { params: Promise.resolve(params) });
          await expectSpecificAnswer(route, response, fc.stringify({ ...spec, body: spec.body.slice(0, 200) }));
        }),
        { numRuns: 30 },
      );
    });
  }

  for (const route of fuzzed.filter((r) => r.readsBody && !["GET", "HEAD"].includes(r.method))) {
    it(`${route.method} ${route.file} refuses a body over 64 KB with 413, from a member with real ids`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...ids.keys()), fc.integer({ min: 64 * 1024 + 1, max: 200 * 1024 }), async (which, size) => {
          state.viewer = null;
          const spec: RequestSpec = { params: [which, which, which], query: "", auth: "token", contentType: "application/json", body: "" };
          const { request, params } = build(route, spec, JSON.stringify({ note: "x".repeat(size) }));
          const response = await route.handler(request, { params: Promise.resolve(params) });
          // The body is judged before the ids it names: over the cap is 413 whatever it points at,
          // unless the address itself names nothing (404) or the caller may not act (401/403).
          expect([404, 401, 403, 413], `${route.method} ${route.file}`).toContain(response.status);
          if (response.status === 413) expect((await response.json()).error.message).toMatch(/at most 64 KB/);
        }),
        { numRuns: 6 },
      );
    });
  }
});
