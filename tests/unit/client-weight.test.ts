import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * What the browser loads with the pages everyone opens most. The benchmark measures the gzipped
 * scripts of the activity page and the listing against the framework's floor (`npm run bench`);
 * this keeps the cause of the last overrun from coming back between runs: a client component of
 * those pages importing, at any depth, a module that parses with zod (zod and every validation
 * message, about 38 KB gzipped, went to every activity page that way). Type-only imports cost
 * nothing and are not followed.
 */

const ROOT = path.resolve(__dirname, "../..");
const HEAVY = ["zod"];

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every value import of a file: `import x from "…"`, `import { a, type B } from "…"` (not `import type`), `export … from "…"`. */
function imports(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s+["']([^"']+)["']/gm)) {
    if (m[2]) continue;
    const names = m[3];
    const onlyTypes = /^\{[^}]*\}$/.test(names.trim()) && names.replace(/[{}\s]/g, "").split(",").filter(Boolean).every((n) => n.startsWith("type"));
    if (!onlyTypes) out.push(m[4]);
  }
  for (const m of text.matchAll(/^\s*import\s+["']([^"']+)["']/gm)) out.push(m[1]);
  return out;
}

/** The chain of files by which `start` reaches a heavy package, or null. */
function pathToHeavy(start: string): string[] | null {
  const seen = new Set<string>();
  const walk = (file: string, trail: string[]): string[] | null => {
    if (seen.has(file)) return null;
    seen.add(file);
    for (const spec of imports(file)) {
      if (HEAVY.includes(spec)) return [...trail, file, spec];
      const next = resolve(file, spec);
      if (next) {
        const found = walk(next, [...trail, file]);
        if (found) return found;
      }
    }
    return null;
  };
  return walk(start, []);
}

function clientComponents(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir))
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => path.join(ROOT, dir, f))
    .filter((f) => /^["']use client["']/m.test(fs.readFileSync(f, "utf8")));
}

describe("the activity page's client components", () => {
  const files = clientComponents("app/activities/[id]/_components");

  it("are found (the check can fail)", () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(pathToHeavy(path.join(ROOT, "lib/rsvp-questions.ts"))).toEqual([path.join(ROOT, "lib/rsvp-questions.ts"), "zod"]);
  });

  it.each(files.map((f) => [path.relative(ROOT, f), f]))("%s sends no zod to the browser", (_name, file) => {
    const chain = pathToHeavy(file);
    expect(chain?.map((f) => path.relative(ROOT, f)) ?? null).toBeNull();
  });
});
