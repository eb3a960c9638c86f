import "server-only";
import { z } from "zod";
import { oidcSettings } from "@/lib/env";
import { authOperations, singleSignOnCallback } from "./auth-operations";
import { apiErrorSchema } from "./http";
import type { Method, OperationSpec, ResponseSpec } from "./route";

/*
 * The OpenAPI 3.1 document, made from the route definitions themselves (server/api/route.ts):
 * zod's own JSON Schema output (draft 2020-12, the dialect OpenAPI 3.1 uses) for parameters,
 * bodies and answers, so the document cannot drift from what the handlers check. Request
 * parts are described as they are sent (`io: "input"`), answers as they are made
 * (`io: "output"`, which closes objects to fields the schema names).
 */

type JsonSchema = Record<string, unknown>;
type OperationObject = Record<string, unknown>;
export type RouteModule = Record<string, unknown>;

export const METHODS: readonly Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

const ERROR_RESPONSES: Record<number, { name: string; description: string; retryAfter?: true }> = {
  400: { name: "BadRequest", description: "Something sent cannot be used: `fields` names each wrong field or parameter (`invalid_body` or `invalid_query`)." },
  401: { name: "Unauthenticated", description: "No session cookie and no valid personal access token (`unauthenticated`)." },
  403: {
    name: "Forbidden",
    description: "Signed in but not allowed (`forbidden`); also a state-changing request authenticated by the session cookie that came from another site.",
  },
  404: { name: "NotFound", description: "Nothing the caller may see has this id (`not_found`): unknown, removed, or a private group's to an outsider." },
  409: { name: "Conflict", description: "The change cannot be made as things stand (`conflict`), or it is closed: past, cancelled or after the cutoff (`closed`)." },
  413: { name: "TooLarge", description: "A JSON body over the endpoint's limit, 64 KB unless it says otherwise (`too_large`)." },
  415: {
    name: "UnsupportedMediaType",
    description:
      "A body labelled as something other than JSON (`invalid_body`). Send `Content-Type: application/json`; a request authenticated by the session cookie must.",
  },
  429: { name: "RateLimited", description: "A rate limit was reached (`rate_limited`); `Retry-After` says when to try again.", retryAfter: true },
  500: { name: "Internal", description: "Something went wrong on the hub's side (`internal`); nothing about it is sent." },
  503: { name: "TryAgain", description: "The database is not answering, or the hub is very busy (`try_again`); retry after `Retry-After` seconds.", retryAfter: true },
};

/** A top-level pipe checks in stages (the first that fails answers); its last stage describes the whole. */
function documented(schema: z.ZodType): z.ZodType {
  let s = schema as z.ZodType & { def?: { type?: string; in?: z.ZodType; out?: z.ZodType } };
  while (s.def?.type === "pipe" && s.def.in?.def.type !== "transform" && s.def.out && s.def.out.def.type !== "transform") s = s.def.out as typeof s;
  return s;
}

export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(documented(schema), { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  return rest;
}

export const errorJsonSchema = jsonSchemaOf(apiErrorSchema, "output");

/** The error statuses an operation can answer: those the wrapper and the proxy give, and the work's own. */
export function errorStatuses(op: OperationSpec, method: string): number[] {
  const changes = method !== "GET" && method !== "HEAD";
  const all = new Set<number>([...(op.errors ?? []), 500, 503]);
  if (op.query || op.body) all.add(400);
  if (op.caller === "member") all.add(401);
  if (op.params || op.available) all.add(404);
  if (op.body || op.picture) all.add(413);
  if (op.picture) all.add(400);
  if (changes) all.add(403).add(415);
  if (op.limit) all.add(429);
  return [...all].sort();
}

function parameters(schema: z.ZodType | undefined, where: "path" | "query"): JsonSchema[] {
  if (!schema) return [];
  const object = jsonSchemaOf(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === "path" || (object.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
      ...(rest.type === "array" ? { style: "form", explode: true } : {}),
    };
  });
}

function successResponse(status: number, spec: ResponseSpec): JsonSchema {
  if (spec instanceof z.ZodType) return { description: spec.description ?? (status === 201 ? "Created." : "OK."), content: { "application/json": { schema: jsonSchemaOf(spec, "output") } } };
  const type = spec.contentType ?? "application/json";
  return {
    description: spec.description,
    ...(spec.schema || spec.contentType ? { content: { [type]: { schema: spec.schema ? jsonSchemaOf(spec.schema, "output") : {} } } } : {}),
    ...(spec.headers ? { headers: Object.fromEntries(Object.entries(spec.headers).map(([name, description]) => [name, { description, schema: { type: "string" } }])) } : {}),
  };
}

const SECURITY = {
  member: [{ bearerToken: [] }, { sessionCookie: [] }],
  optional: [{}, { bearerToken: [] }, { sessionCookie: [] }],
  none: [],
};

/** One operation's entry in the document. */
export function operationObject(op: OperationSpec, method: string, operationId?: string): OperationObject {
  const responses: Record<string, unknown> = {};
  for (const [status, spec] of Object.entries(op.responses)) if (spec) responses[status] = successResponse(Number(status), spec);
  for (const status of errorStatuses(op, method)) {
    const ref = { $ref: `#/components/responses/${ERROR_RESPONSES[status].name}` };
    const own = responses[status] as { description: string; content?: Record<string, { schema: JsonSchema }> } | undefined;
    // An operation whose own answer for a status differs from the error shape (the health check's 503) may give either.
    responses[status] = own ? { ...own, content: { "application/json": { schema: { anyOf: [own.content?.["application/json"]?.schema ?? {}, errorJsonSchema] } } } } : ref;
  }
  const body = op.body;
  return {
    ...(operationId ? { operationId } : {}),
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    security: SECURITY[op.caller],
    parameters: [...parameters(op.params, "path"), ...parameters(op.query, "query")],
    ...(body
      ? {
          requestBody: {
            required: !body.safeParse({}).success,
            description: `JSON, at most ${Math.floor((op.bodyLimit ?? 64 * 1024) / 1024)} KB. An empty body is read as {}.`,
            content: { "application/json": { schema: jsonSchemaOf(body, "input") } },
          },
        }
      : op.picture
        ? {
            requestBody: {
              required: true,
              description: "The picture's own bytes (not a form), at most 10 MB: a JPEG, PNG or WebP. Anything else (SVG, GIF, a file that is not a picture whatever its label, one over 50 megapixels) is a 400 saying why.",
              content: Object.fromEntries(["image/jpeg", "image/png", "image/webp"].map((t) => [t, { schema: { type: "string", contentMediaType: t } }])),
            },
          }
        : {}),
    responses,
  };
}

/** "/api/activities/[id]/rsvp" (a folder under app/) as the document names it: "/api/activities/{id}/rsvp". */
export function documentPath(folder: string): string {
  return folder.replace(/\[(\w+)\]/g, "{$1}");
}

function operationIdOf(method: string, path: string): string {
  const words = path.replace(/^\/api\//, "").split(/[/{}.\-]+/).filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0].toUpperCase() + w.slice(1)).join("");
}

const TAGS: Record<string, string> = {
  activities: "Activities",
  comments: "Discussion",
  covers: "Pictures",
  groups: "Groups",
  projects: "Projects and tasks",
  tasks: "Projects and tasks",
  series: "Activities",
  me: "My connections",
  tokens: "Accounts and tokens",
  users: "Accounts and tokens",
  auth: "Accounts and tokens",
  unsubscribe: "Email",
  health: "Service",
  "openapi.json": "Service",
  docs: "Service",
  test: "Testing",
};

/** The operations of the route modules, keyed by their path in the document. */
export function operationsOf(routes: Record<string, RouteModule>): { path: string; method: Method; op: OperationSpec }[] {
  const out: { path: string; method: Method; op: OperationSpec }[] = [];
  for (const [path, module] of Object.entries(routes)) {
    for (const method of METHODS) {
      const op = (module[method] as { operation?: OperationSpec } | undefined)?.operation;
      if (op && (!op.available || op.available())) out.push({ path, method, op });
    }
  }
  return out;
}

export function buildOpenApiDocument(routes: Record<string, RouteModule>, version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { path, method, op } of operationsOf(routes)) {
    const tag = TAGS[path.split("/")[2]] ?? "Other";
    (paths[path] ??= {})[method.toLowerCase()] = { tags: [tag], ...operationObject(op, method, operationIdOf(method, path)) };
  }
  for (const [path, methods] of Object.entries({ ...authOperations, ...(oidcSettings() ? singleSignOnCallback : {}) })) {
    for (const [method, op] of Object.entries(methods)) (paths[path] ??= {})[method] = { tags: ["Accounts and tokens"], operationId: operationIdOf(method, path), ...op };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Common Thread API",
      version,
      description:
        "JSON over HTTP for the community activity hub. Every error has one shape, `{ \"error\": { \"code\", \"message\", \"fields\"? } }`, " +
        "and nothing sent is answered with a 500. Any address under /api/ that is not listed here is a 404 `not_found`. " +
        "docs/api.md has worked examples.",
    },
    tags: [...new Set(Object.values(TAGS))].map((name) => ({ name })),
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description: "A personal access token (`ct_…`), made on the account page or with POST /api/tokens. A request that sends one is judged by it alone.",
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "authjs.session-token",
          description: "The browser's session (`__Secure-authjs.session-token` over HTTPS). A state-changing request must come from the hub's own pages and send JSON.",
        },
      },
      schemas: { Error: errorJsonSchema },
      responses: Object.fromEntries(
        Object.values(ERROR_RESPONSES).map(({ name, description, retryAfter }) => [
          name,
          {
            description,
            ...(retryAfter ? { headers: { "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "string" } } } } : {}),
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          },
        ]),
      ),
    },
  };
}
