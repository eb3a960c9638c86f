import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalog, type Messages } from "@/lib/i18n/catalog";

/*
 * Words said through `say()` (lib/i18n/said.ts) are looked up by key when they are needed, so
 * a key that names no message would show the key itself to a person. Every key the code names
 * (`say("…")`, `words("…")`, or a key passed along as a string, like "errors.api.noTask") must
 * name a message in the English catalog; a key built at run time (`errors.image.${code}`)
 * must at least name a group of messages.
 */

const ROOT = path.resolve(__dirname, "../..");
const NAMESPACES = ["errors", "validation"];

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : files(full);
    return /\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

function lookup(messages: Messages, key: string): string | Messages | undefined {
  let at: string | Messages | undefined = messages;
  for (const part of key.split(".")) at = typeof at === "object" ? at[part] : undefined;
  return at;
}

const sources = ["app", "components", "db", "lib", "server"].flatMap((dir) => files(path.join(ROOT, dir)));
const keyPattern = new RegExp(`["'\`]((?:${NAMESPACES.join("|")})\\.[A-Za-z0-9_.]+)(\\$\\{)?`, "g");
// say() and words() read any namespace (csv, feeds, links, push… too): a key said directly is checked whatever its namespace.
const saidPattern = /\b(?:say|words)\(\s*["'`]([a-z][a-z-]*\.[A-Za-z0-9_.]+)(\$\{)?/g;

describe("say() keys", () => {
  it("finds keys in the code (the check can fail)", () => {
    expect(sources.length).toBeGreaterThan(100);
    const found = sources.flatMap((file) => [...fs.readFileSync(file, "utf8").matchAll(keyPattern)]);
    expect(found.length).toBeGreaterThan(100);
    expect(lookup(catalog("en"), "errors.no.such.key")).toBeUndefined();
  });

  it("every key the code names is a message in the English catalog", () => {
    const english = catalog("en");
    const missing: string[] = [];
    for (const file of sources) {
      const text = fs.readFileSync(file, "utf8");
      const saysHere = /from "@\/lib\/i18n\/said"/.test(text);
      for (const m of [...text.matchAll(keyPattern), ...(saysHere ? text.matchAll(saidPattern) : [])]) {
        const key = m[1].replace(/\.$/, "");
        const found = lookup(english, key);
        const fine = m[2] ? typeof found === "object" : typeof found === "string";
        if (!fine) missing.push(`${path.relative(ROOT, file)}: ${key}${m[2] ? "…" : ""}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
