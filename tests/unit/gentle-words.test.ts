import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * Counting is gentle: no page, notification or message a member sees may speak of a
 * streak, of something lost or failed, of being behind, or rank them. Every sentence the
 * product can show lives in app/, components/ or lib/ as a string or JSX text, or in the
 * English message catalogs (messages/en/*.json), so they are all read here (the browser tests
 * also read the rendered member pages).
 */

const ROOT = path.resolve(__dirname, "../..");
const FORBIDDEN = /\b(streaks?|lost|failed|behind|rank|ranked|ranking|ranks|leaderboard)\b/i;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return files(full);
    return /\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

/** Sentences in a source file: string literals with a space in them, and JSX text. */
export function shownText(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
  const out: string[] = [];
  for (const m of code.matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)) {
    const text = m[1] ?? m[2] ?? m[3] ?? "";
    if (/\s/.test(text.trim())) out.push(text);
  }
  for (const m of code.matchAll(/>([^<>{}]*[A-Za-z][^<>{}]*)</g)) out.push(m[1]);
  return out;
}

describe("gentle words", () => {
  it("finds the words it looks for (the check can fail)", () => {
    expect(shownText(`const a = "You lost your streak"; // a streak comment\n<p>You're behind</p>`).filter((t) => FORBIDDEN.test(t))).toEqual(["You lost your streak", "You're behind"]);
  });

  it("nothing the product shows a member speaks of streaks, loss, failure, being behind or ranks", () => {
    const offending: string[] = [];
    for (const dir of ["app", "components", "lib"]) {
      // Admin pages (/admin) are for site staff running the hub, not shown to members.
      for (const file of files(path.join(ROOT, dir)).filter((f) => !f.includes(`${path.sep}app${path.sep}admin${path.sep}`))) {
        for (const text of shownText(fs.readFileSync(file, "utf8"))) {
          if (FORBIDDEN.test(text)) offending.push(`${path.relative(ROOT, file)}: ${text.trim().slice(0, 120)}`);
        }
      }
    }
    expect(offending).toEqual([]);
  });

  it("nor does any sentence in the English catalogs", () => {
    const dir = path.join(ROOT, "messages", "en");
    const sentences = (value: unknown): string[] => (typeof value === "string" ? [value] : value && typeof value === "object" ? Object.values(value).flatMap(sentences) : []);
    const offending: string[] = [];
    const names = fs.readdirSync(dir).filter((f) => f.endsWith(".json"));
    expect(names).toContain("errors.json");
    // The admin pages' words (admin.json) are for site staff running the hub, not shown to members, as above.
    for (const name of names.filter((n) => n !== "admin.json")) {
      for (const text of sentences(JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")))) {
        if (FORBIDDEN.test(text)) offending.push(`messages/en/${name}: ${text.slice(0, 120)}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
