import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * Every word a person reads comes from a catalog (docs/languages.md). Pages are checked in the
 * browser, in the pseudo-locale (e2e/accessibility-everywhere.spec.ts); refusals, field errors,
 * API messages, emails and feeds are made in code that no page shows until something goes
 * wrong, so this reads that code: a sentence written as a string literal (a capital, then at
 * least three words) in the hub's code is a sentence someone would read in English whatever
 * their language. Log lines, thrown programming errors, comments and the schema descriptions
 * that feed the (English) OpenAPI document are not read by members and are skipped; the few
 * literals left below are listed with the reason each is not a catalog message.
 */

const ROOT = path.resolve(__dirname, "../..");
const DIRS = ["app", "components", "server", "db", "lib", "i18n"];
const SKIPPED_DIRS = new Set(["node_modules", "seed-data", "migrations"]);

/** File (relative to the root) → why its English sentences are not catalog messages. */
const NOT_READ_BY_MEMBERS: Record<string, string> = {
  "app/api/test/nudges/route.ts": "a route that exists only in the test suites",
  "server/api/openapi.ts": "the OpenAPI document, developer documentation in English",
  "server/api/reference-page.ts": "the API reference page, developer documentation in English",
  "db/jobs/push-sender.ts": "the push service's answer, recorded for operators in a delivery's error column",
  "db/mutations/account-deletion.ts": "stored data: the name a deleted member's kept words are signed with",
  "db/mutations/passwords.ts": "an email's stored data title; the email itself takes its words from the catalog",
};

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return SKIPPED_DIRS.has(e.name) ? [] : files(full);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\./.test(e.name) ? [full] : [];
  });
}

const LITERAL = /(["'`])((?:(?!\1)[^\\\n]|\\.)*)\1/g;
const SENTENCE = /^[A-Z][a-z’']*(?: [A-Za-z’',;:—–()-]+){2,}[.!?…:]?$/;
const NOT_FOR_PEOPLE = /console\.|throw new (Range|Type)?Error|new Error\(|\.describe\(|describe:|summary:|description:/;

function englishSentences(text: string): string[] {
  const found: string[] = [];
  text.split("\n").forEach((line, i) => {
    const t = line.trim();
    if (t.startsWith("//") || t.startsWith("*") || t.startsWith("/*") || NOT_FOR_PEOPLE.test(line)) return;
    for (const m of line.matchAll(LITERAL)) {
      if (SENTENCE.test(m[2].replace(/\$\{[^}]*\}/g, "x"))) found.push(`${i + 1}: ${m[2]}`);
    }
  });
  return found;
}

describe("words people read come from the catalogs", () => {
  const sources = DIRS.flatMap((d) => files(path.join(ROOT, d)));

  it("the check finds a sentence written in code (it can fail)", () => {
    expect(sources.length).toBeGreaterThan(300);
    expect(englishSentences('return fail("not_found", "We couldn\'t find that task.");')).toHaveLength(1);
    expect(englishSentences('return fail("not_found", say("errors.refusals.taskClaims.notFound"));')).toHaveLength(0);
    expect(englishSentences('console.warn("The database is away for now");')).toHaveLength(0);
  });

  it("no refusal, field error, API message, email or feed is an English literal", () => {
    const found = sources.flatMap((file) => {
      const rel = path.relative(ROOT, file);
      if (rel in NOT_READ_BY_MEMBERS) return [];
      return englishSentences(fs.readFileSync(file, "utf8")).map((hit) => `${rel}:${hit}`);
    });
    expect(found).toEqual([]);
  });

  it("every file excused above still has a reason to be (no stale exceptions)", () => {
    for (const rel of Object.keys(NOT_READ_BY_MEMBERS)) {
      const file = path.join(ROOT, rel);
      expect(fs.existsSync(file), rel).toBe(true);
      expect(englishSentences(fs.readFileSync(file, "utf8")).length, rel).toBeGreaterThan(0);
    }
  });
});
