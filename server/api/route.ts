import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { limitMember } from "@/db/mutations/rate-limits";
import { env } from "@/lib/env";
import { memberLimitMessage, type MemberLimit } from "@/lib/rate-limits";
import { resolveApiCaller, type ApiCaller } from "./auth";
import { imageRefusal, UPLOAD_MAX_BYTES } from "@/lib/uploads/images";
import { say } from "@/lib/i18n/said";
import { isLocale } from "@/lib/i18n/locales";
import { apiLocale, speaking, speakNow } from "../speaking";
import { apiError, apiZodError, guarded, JSON_BODY_LIMIT, parseJsonText, readCapped, readCappedText, searchParamsToObject, tooLarge, tooMany, unsupportedMediaType } from "./http";

/*
 * Every route handler under app/api is one of these: what it takes, who may call it, what it
 * answers, and its work. The steps every handler shares run here, in this order, once:
 *
 *   1. the 503/500 guard around everything (http.ts `guarded`);
 *   2. an operation this server does not serve (`available`) is the API's 404;
 *   3. a body declared larger than the cap is 413 before a byte is read;
 *   4. the caller: "member" must be signed in (session cookie or token; 401 otherwise),
 *      "optional" widens what a read shows, "none" is not looked up;
 *   5. the path parameters: one that cannot name anything is that thing's 404;
 *   6. the query: 400 `invalid_query` naming each wrong parameter;
 *   7. the body, for an operation that takes one: read up to the cap (413 past it), JSON only
 *      (see `JSON_LABELS`, 415 otherwise), parsed and checked (400 `invalid_body`);
 *   8. a member's rate limit (`limit`), then the work.
 *
 * A state-changing request authenticated by the session cookie that comes from another site
 * never reaches a handler: proxy.ts answers it first with 403 (or 415 when its body is not
 * labelled JSON), by lib/security/cross-site.ts, for every address under /api/ but next-auth's.
 * That is the one cross-site rule; a test checks every operation here is behind it.
 */

export type CallerRule = "member" | "optional" | "none";
export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

type CallerOf<C extends CallerRule> = C extends "member" ? ApiCaller : C extends "optional" ? ApiCaller | null : null;
type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a status answers besides the error shape: a JSON body, or another kind of content. */
export type ResponseSpec = z.ZodType | { description: string; schema?: z.ZodType; contentType?: string; headers?: Record<string, string> };

/** Statuses a handler's own work may answer with the error shape (the wrapper adds the ones it answers itself). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 429 | 503;

export interface OperationSpec<C extends CallerRule = CallerRule, P = unknown, Q = unknown, B = unknown> {
  summary: string;
  description?: string;
  caller: C;
  /** Path parameters; a value that fails is a 404 with the failing check's message. */
  params?: P & z.ZodType;
  query?: Q & z.ZodType;
  body?: B & z.ZodType;
  /** Bytes of JSON body read at most (413 past it); JSON_BODY_LIMIT unless said. */
  bodyLimit?: number;
  /**
   * The body is a picture's bytes rather than JSON, labelled image/jpeg, image/png or
   * image/webp (415 otherwise), at most 10 MB (413 past it); the work checks what it really is.
   */
  picture?: true;
  /** Counted per member before the work; 429 with Retry-After past it. */
  limit?: MemberLimit;
  /** Every answer, errors included, is the caller's own: never kept by a shared cache. */
  private?: boolean;
  /** False where this server does not serve it: then a 404 like any unknown address, and not in the document. */
  available?: () => boolean;
  /** Success answers (and any answer not in the error shape), by status. */
  responses: Partial<Record<number, ResponseSpec>>;
  /** Error-shaped answers the work itself may give, besides those every operation of its kind can. */
  errors?: ErrorStatus[];
  handler: (input: { request: Request; caller: CallerOf<C>; params: Parsed<P>; query: Parsed<Q>; body: Parsed<B>; picture: Uint8Array }) => Promise<Response>;
}

/** The labels a picture body may carry (lib/security/cross-site.ts lets a cookie-authenticated write send them too). */
export const PICTURE_LABELS = ["image/jpeg", "image/png", "image/webp"];

export type RouteContext = { params?: Promise<Record<string, string | string[]>> };
export type ApiHandler = ((request: Request, context?: RouteContext) => Promise<Response>) & { operation: OperationSpec };

export const signInFirst = () => say("errors.api.signInFirst");
export const notAnEndpoint = () => say("errors.api.notAnEndpoint");
export const PRIVATE_NO_STORE = "private, no-store";

/**
 * Body labels read as JSON: `application/json` (with any parameter, such as a charset), and,
 * for a body sent without a label of its own, `text/plain`, which is what fetch() and Request
 * put on a string body. Any other label (a form, multipart, XML) is a 415. An empty body is
 * `{}` whatever its label, so an endpoint whose fields are all optional can be called with
 * none. A cookie-authenticated write must say `application/json` exactly (proxy.ts), since a
 * page on another site can send text/plain without asking.
 */
export const JSON_LABELS = ["application/json", "text/plain"];

function mediaTypeOf(request: Request): string | undefined {
  return request.headers.get("content-type")?.split(";")[0].trim().toLowerCase() || undefined;
}

function privately(response: Response): Response {
  response.headers.set("Cache-Control", PRIVATE_NO_STORE);
  response.headers.set("Vary", "Authorization, Cookie");
  return response;
}

/** Every answer's words (a refusal's message, an outcome) follow Accept-Language: a cache must keep one per language. */
function byLanguage(response: Response): Response {
  const vary = response.headers.get("vary");
  if (!/\baccept-language\b/i.test(vary ?? "")) response.headers.set("Vary", vary ? `${vary}, Accept-Language` : "Accept-Language");
  return response;
}

async function run(spec: OperationSpec, request: Request, context: RouteContext | undefined): Promise<Response> {
  if (spec.available && !spec.available()) return apiError("not_found", notAnEndpoint());
  const limit = spec.picture ? UPLOAD_MAX_BYTES : (spec.bodyLimit ?? JSON_BODY_LIMIT);
  const declared = request.headers.get("content-length");
  if ((spec.body || spec.picture) && declared !== null && !(Number(declared) <= limit)) return spec.picture ? pictureTooLarge() : tooLarge(limit);
  let caller: ApiCaller | null = null;
  if (spec.caller !== "none") {
    caller = await resolveApiCaller(request);
    // A member is answered in their own language, once they are known.
    if (caller) speakNow(callerLocale(caller, request));
    if (!caller && spec.caller === "member") return apiError("unauthenticated", signInFirst());
  }
  let params: unknown;
  if (spec.params) {
    const parsed = spec.params.safeParse((await context?.params) ?? {});
    if (!parsed.success) return apiError("not_found", parsed.error.issues[0]?.message ?? notAnEndpoint());
    params = parsed.data;
  }
  let query: unknown;
  if (spec.query) {
    const parsed = spec.query.safeParse(searchParamsToObject(new URL(request.url).searchParams));
    if (!parsed.success) return apiZodError("invalid_query", parsed.error);
    query = parsed.data;
  }
  let body: unknown;
  if (spec.body) {
    const read = await readCappedText(request, limit);
    if (!read.ok) return read.response;
    const type = mediaTypeOf(request);
    if (read.text.trim() !== "" && type !== undefined && !JSON_LABELS.includes(type)) return unsupportedMediaType();
    const json = parseJsonText(read.text);
    if (!json.ok) return json.response;
    const parsed = spec.body.safeParse(json.value);
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    body = parsed.data;
  }
  let picture: Uint8Array = new Uint8Array();
  if (spec.picture) {
    const type = mediaTypeOf(request);
    if (!type || !PICTURE_LABELS.includes(type)) return NextResponse.json({ error: { code: "invalid_body", message: say("errors.api.pictureLabel") } }, { status: 415 });
    const bytes = await readCapped(request, limit);
    if (bytes === "too_large") return pictureTooLarge();
    if (bytes.byteLength === 0) return apiError("invalid_body", say("errors.api.pictureEmpty"));
    picture = bytes;
  }
  if (spec.limit && caller) {
    const decision = await limitMember(spec.limit, caller.id);
    if (!decision.allowed) return tooMany(memberLimitMessage(spec.limit, decision.retryAfterSeconds), decision.retryAfterSeconds);
  }
  return spec.handler({ request, caller: caller as never, params: params as never, query: query as never, body: body as never, picture });
}

/** A member's language setting, where they have one; else the request's Accept-Language. */
function callerLocale(caller: ApiCaller, request: Request) {
  return isLocale(caller.locale) ? caller.locale : apiLocale(request);
}

const pictureTooLarge = () => apiError("too_large", imageRefusal("too_large"));

/**
 * One API operation as a Next route handler, e.g. `export const POST = apiRoute({ … })`.
 * The handler carries its definition (`.operation`), which the OpenAPI document is made from.
 * With API_RESPONSE_CHECK=on (the test suites only), every answer is checked against that
 * document before it leaves: one that does not match is logged and becomes a 500.
 */
export function apiRoute<C extends CallerRule, P = undefined, Q = undefined, B = undefined>(spec: OperationSpec<C, P, Q, B>): ApiHandler {
  const operation = spec as unknown as OperationSpec;
  const handler = async (request: Request, context?: RouteContext) => {
    let response = await speaking(apiLocale(request), () => guarded(() => run(operation, request, context)));
    if (operation.private) response = privately(response);
    response = byLanguage(response);
    if (env().API_RESPONSE_CHECK === "on") {
      const { checkedResponse } = await import("./response-check");
      response = await checkedResponse(operation, request, response);
    }
    return response;
  };
  return Object.assign(handler, { operation });
}
