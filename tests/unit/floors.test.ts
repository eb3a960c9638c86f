import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * The floors of the code, read top to bottom: app → components → server (auth, API plumbing,
 * the page cache, the request gate: whatever touches the request) → db → lib (pure rules).
 * A file may import from its own floor and the floors below it, never from one above.
 */

const root = path.resolve(__dirname, "../..");
const FLOORS = ["lib", "db", "server", "components", "app"] as const;
type Floor = (typeof FLOORS)[number];

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(rel));
    else if (/\.(ts|tsx)$/.test(entry.name)) out.push(rel);
  }
  return out;
}

/** Every module a file names: static and type imports, re-exports and dynamic import(). */
function importsOf(text: string): string[] {
  const specs: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*["']([^"']+)["']/g)) specs.push(m[1]);
  for (const m of text.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) specs.push(m[1]);
  for (const m of text.matchAll(/(?:^|\n)\s*import\s*["']([^"']+)["']/g)) specs.push(m[1]);
  return specs;
}

/** The floor a module specifier lands on, or undefined for a package or a file outside the floors. */
function floorOf(spec: string, from: string): Floor | undefined {
  let target: string;
  if (spec.startsWith("@/")) target = spec.slice(2);
  else if (spec.startsWith(".")) target = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  else return undefined;
  const top = target.split("/")[0];
  return (FLOORS as readonly string[]).includes(top) ? (top as Floor) : undefined;
}

describe("floors", () => {
  const files = FLOORS.flatMap((floor) => filesUnder(floor).map((file) => ({ file, floor })));

  it("finds the files of every floor", () => {
    for (const floor of FLOORS) expect(files.filter((f) => f.floor === floor).length, floor).toBeGreaterThan(3);
  });

  it("no file imports from a floor above its own", () => {
    const upward: string[] = [];
    for (const { file, floor } of files) {
      for (const spec of importsOf(fs.readFileSync(path.join(root, file), "utf8"))) {
        const to = floorOf(spec, file);
        if (to && FLOORS.indexOf(to) > FLOORS.indexOf(floor)) upward.push(`${file} → ${spec}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it("reads a relative import as the floor it lands on", () => {
    expect(floorOf("../db/client", "lib/x.ts")).toBe("db");
    expect(floorOf("./http", "server/api/me.ts")).toBe("server");
    expect(floorOf("@/app/(auth)/actions", "components/a.tsx")).toBe("app");
    expect(floorOf("zod", "lib/a.ts")).toBeUndefined();
    expect(importsOf('import type { A } from "@/db/schema";\nconst x = await import("@/server/env");')).toEqual(["@/db/schema", "@/server/env"]);
  });
});
