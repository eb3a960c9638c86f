/*
 * GET /api/docs: the OpenAPI document as a page a person can read. Rendered here on the
 * server as plain HTML with its own small style sheet: no script, nothing from another
 * origin, so the site's Content-Security-Policy stands as it is (styles may be inline; a
 * page without scripts needs no nonce), and it reads the same with JavaScript off.
 */

type Schema = Record<string, unknown> & {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  $ref?: string;
  description?: string;
  additionalProperties?: boolean | Schema;
};
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Schema };
type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, unknown>[];
  parameters?: Parameter[];
  requestBody?: { required?: boolean; description?: string; content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { $ref?: string; description?: string; content?: Record<string, { schema?: Schema }> }>;
};
type Document = {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, { description: string }>; schemas: Record<string, Schema> };
};

const escape = (text: unknown) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** `code` spans in the document's own words. */
const prose = (text: string | undefined) => (text ? escape(text).replace(/`([^`]+)`/g, "<code>$1</code>") : "");

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

function typeOf(schema: Schema | undefined, doc: Document): string {
  if (!schema) return "any";
  if (schema.$ref) return schema.$ref.split("/").pop()!;
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (schema.anyOf) return schema.anyOf.map((s) => typeOf(s, doc)).join(" or ");
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.includes("array")) return `list of ${typeOf(schema.items, doc)}`;
  const format = typeof schema.format === "string" ? ` (${schema.format})` : "";
  return (types.join(" or ") || "any") + format;
}

function limitsOf(schema: Schema): string {
  const out: string[] = [];
  for (const [key, word] of [["minLength", "at least %s characters"], ["maxLength", "at most %s characters"], ["minimum", "from %s"], ["maximum", "up to %s"], ["maxItems", "at most %s"], ["default", "default %s"]] as const) {
    if (schema[key] !== undefined) out.push(word.replace("%s", key === "default" ? JSON.stringify(schema[key]) : String(schema[key])));
  }
  return out.join(", ");
}

/** A schema's fields as a nested list: name, type, required, what it is. */
function fields(schema: Schema | undefined, doc: Document, depth = 0): string {
  if (!schema || depth > 6) return "";
  if (schema.$ref) return fields(doc.components.schemas[schema.$ref.split("/").pop()!], doc, depth);
  if (schema.anyOf) return schema.anyOf.map((s, i) => `<p class="alt">${i === 0 ? "Either" : "or"}:</p>${fields(s, doc, depth)}`).join("");
  if (schema.items) return fields(schema.items, doc, depth);
  if (!schema.properties) return "";
  const rows = Object.entries(schema.properties).map(([name, field]) => {
    const required = schema.required?.includes(name) ? ' <span class="req">required</span>' : "";
    const limits = limitsOf(field);
    const nested = field.properties || field.items?.properties || field.anyOf?.some((s) => s.properties) ? fields(field, doc, depth + 1) : "";
    return `<li><code>${escape(name)}</code> <span class="type">${escape(typeOf(field, doc))}</span>${required}${field.description ? ` — ${prose(field.description)}` : ""}${limits ? ` <span class="limits">(${escape(limits)})</span>` : ""}${nested}</li>`;
  });
  return `<ul class="fields">${rows.join("")}</ul>`;
}

/** A made-up value that fits a schema, for the examples. */
function exampleOf(schema: Schema | undefined, depth = 0): unknown {
  if (!schema || depth > 5) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf) return exampleOf(schema.anyOf.find((s) => s.type !== "null") ?? schema.anyOf[0], depth);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  if (type === "object" || schema.properties) {
    return Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([k]) => depth > 0 || schema.required?.includes(k) || Object.keys(schema.properties ?? {}).length <= 3).map(([k, v]) => [k, exampleOf(v, depth + 1)]));
  }
  if (type === "array") return [exampleOf(schema.items, depth + 1)];
  if (type === "integer" || type === "number") return typeof schema.minimum === "number" ? schema.minimum : 1;
  if (type === "boolean") return true;
  if (schema.format === "uuid") return "7c1e6f4a-2b3d-4e5f-8a9b-0c1d2e3f4a5b";
  if (schema.format === "date-time") return "2026-12-14T09:00:00.000Z";
  if (schema.format === "date") return "2026-12-14";
  return "…";
}

function curl(method: string, path: string, op: Operation): string {
  const signedIn = op.security?.some((s) => "bearerToken" in s);
  const parts = [`curl${method === "get" ? "" : ` -X ${method.toUpperCase()}`} "$BASE${path.replace(/\{(\w+)\}/g, (_, n: string) => `$${n.toUpperCase()}`)}"`];
  if (signedIn) parts.push(`-H "Authorization: Bearer $TOKEN"`);
  const body = op.requestBody?.content?.["application/json"]?.schema;
  if (body) parts.push(`-H 'Content-Type: application/json' -d '${JSON.stringify(exampleOf(body)).replace(/'/g, "'\\''")}'`);
  return parts.join(" \\\n  ");
}

function who(op: Operation): string {
  const schemes = (op.security ?? []).map((s) => Object.keys(s));
  if (schemes.length === 0) return "Anyone.";
  if (schemes.some((s) => s.length === 0)) return "Anyone; a signed-in caller (session or token) may see more.";
  return "Signed in: the session cookie or a personal access token.";
}

function operationHtml(method: string, path: string, op: Operation, doc: Document): string {
  const id = slug(`${method} ${path}`);
  const params = op.parameters ?? [];
  const body = op.requestBody;
  const bodySchema = body?.content?.["application/json"]?.schema ?? Object.values(body?.content ?? {})[0]?.schema;
  const responses = Object.entries(op.responses ?? {}).map(([status, r]) => {
    const described = r.$ref ? doc.components.responses[r.$ref.split("/").pop()!] : r;
    const schema = r.$ref ? undefined : Object.values(r.content ?? {})[0]?.schema;
    const example = schema && Number(status) < 400 ? `<pre>${escape(JSON.stringify(exampleOf(schema), null, 2))}</pre>` : "";
    return `<li><strong>${escape(status)}</strong> ${prose(described?.description)}${schema && Number(status) < 400 ? `<details><summary>Fields and an example</summary>${fields(schema, doc)}${example}</details>` : ""}</li>`;
  });
  return `<section class="op" id="${id}" aria-labelledby="${id}-h">
<h3 id="${id}-h"><span class="method ${method}">${method.toUpperCase()}</span> <code>${escape(path)}</code></h3>
<p class="summary">${prose(op.summary)}</p>${op.description ? `<p>${prose(op.description)}</p>` : ""}
<p class="who">${who(op)}</p>
${params.length ? `<h4>Parameters</h4><ul class="fields">${params.map((p) => `<li><code>${escape(p.name)}</code> <span class="type">${escape(p.in)}, ${escape(typeOf(p.schema, doc))}</span>${p.required ? ' <span class="req">required</span>' : ""}${p.description ? ` — ${prose(p.description)}` : ""}</li>`).join("")}</ul>` : ""}
${body ? `<h4>Body${body.required ? "" : " (optional)"}</h4><p>${prose(body.description)}</p>${fields(bodySchema, doc)}` : ""}
<h4>Example</h4><pre>${escape(curl(method, path, op))}</pre>
<h4>Answers</h4><ul class="answers">${responses.join("")}</ul>
</section>`;
}

const STYLE = `
:root{color-scheme:light dark;--fg:#1d1d1b;--bg:#fdfcf9;--muted:#5b5a55;--line:#d9d6cc;--code:#f1eee6;--accent:#1f5f4a}
@media (prefers-color-scheme:dark){:root{--fg:#ecebe6;--bg:#161715;--muted:#b3b1a8;--line:#3a3b37;--code:#22231f;--accent:#8fd3b6}}
body{font:16px/1.55 system-ui,sans-serif;color:var(--fg);background:var(--bg);margin:0}
main{max-width:60rem;margin:0 auto;padding:1.5rem}
a{color:var(--accent)}code,pre{font:0.9em ui-monospace,monospace;background:var(--code);border-radius:4px}code{padding:0 .2em}
pre{padding:.75rem;white-space:pre-wrap;overflow-wrap:anywhere}
.op{border-top:1px solid var(--line);padding:1rem 0}.op h3{margin:.25rem 0;font-size:1.1rem}
.method{display:inline-block;min-width:4.2em;text-align:center;font:700 .8rem ui-monospace,monospace;padding:.15em .4em;border-radius:4px;border:1px solid currentColor}
.summary{font-weight:600;margin:.25rem 0}.who,.limits,.alt{color:var(--muted)}.type{color:var(--muted);font-size:.9em}
.req{font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;color:var(--accent)}
h4{margin:.9rem 0 .3rem;font-size:.95rem}ul.fields,ul.answers{margin:.2rem 0;padding-left:1.2rem}nav ul{columns:2;padding-left:1.2rem}
details{margin:.3rem 0}summary{cursor:pointer;color:var(--accent)}`;

/** The whole page for a document. */
export function referencePage(doc: Document): string {
  const byTag = new Map<string, string[]>();
  const toc: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? "Other";
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push(operationHtml(method, path, op, doc));
    }
  }
  const sections = [...byTag.entries()].map(([tag, ops]) => {
    toc.push(`<li><a href="#${slug(tag)}">${escape(tag)}</a></li>`);
    return `<section aria-labelledby="${slug(tag)}"><h2 id="${slug(tag)}">${escape(tag)}</h2>${ops.join("\n")}</section>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(doc.info.title)}</title><meta name="robots" content="noindex"><style>${STYLE}</style></head>
<body><main>
<h1>${escape(doc.info.title)}</h1>
<p>${prose(doc.info.description)}</p>
<p>The machine-readable document: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${escape("3.1")}, version ${escape(doc.info.version)}).
Examples set <code>BASE</code> to the hub's address and <code>TOKEN</code> to a personal access token.</p>
<h2>Errors</h2>
<p>Every error is <code>{"error": {"code", "message", "fields"?}}</code>:</p>
<ul class="answers">${Object.entries(doc.components.responses).map(([, r]) => `<li>${prose(r.description)}</li>`).join("")}</ul>
<nav aria-label="Parts of the API"><h2>Contents</h2><ul>${toc.join("")}</ul></nav>
${sections.join("\n")}
</main></body></html>`;
}
