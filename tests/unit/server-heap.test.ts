import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SERVER_HEAP_MB, serverNodeOptions } from "@/lib/server-heap";

/*
 * The production server's heap limit (lib/server-heap.ts) is the one `npm start` gives Next,
 * and an operator's own NODE_OPTIONS still has the last word.
 */
describe("the server's heap limit", () => {
  const start = JSON.parse(fs.readFileSync(path.join(process.cwd(), "package.json"), "utf8")).scripts.start as string;

  it("is what npm start runs Next with, the operator's options after it", () => {
    expect(start).toContain(`--max-old-space-size=${SERVER_HEAP_MB}`);
    expect(start).toMatch(/exec next start$/);
    expect(serverNodeOptions("")).toBe(`--max-old-space-size=${SERVER_HEAP_MB}`);
    expect(serverNodeOptions("--max-old-space-size=2048")).toBe(`--max-old-space-size=${SERVER_HEAP_MB} --max-old-space-size=2048`);
  });

  it("takes effect in a Node process started that way, and the operator's own limit wins", () => {
    const limitMb = (options: string) =>
      Number(execFileSync(process.execPath, ["-e", "process.stdout.write(String(require('v8').getHeapStatistics().heap_size_limit / 1048576))"], { env: { ...process.env, NODE_OPTIONS: options } }));
    // The limit covers the old generation plus the young one, so it reads a little above.
    expect(limitMb(serverNodeOptions(""))).toBeGreaterThanOrEqual(SERVER_HEAP_MB);
    expect(limitMb(serverNodeOptions(""))).toBeLessThan(SERVER_HEAP_MB + 100);
    expect(limitMb(serverNodeOptions("--max-old-space-size=1024"))).toBeGreaterThanOrEqual(1024);
  });
});
