import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { hostileRecord, hostileValue } from "../helpers/hostile";

/*
 * Every zod schema exported from lib/validation, found by walking the modules (so a new schema
 * is covered the day it is written), is fed generated and hostile input: it never throws, and
 * every refusal names a field with a sentence a person can act on. 150 runs of each of two
 * properties per schema: about 10 seconds for the file.
 */
const modules = import.meta.glob<Record<string, unknown>>("../../lib/validation/*.ts", { eager: true });

const schemas: [string, z.ZodType][] = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType)
    .map(([name, schema]): [string, z.ZodType] => [`${file.replace(/^.*\//, "")} ${name}`, schema]),
);

/** The field names an object schema (or one wrapped in a pipe, union or optional) expects. */
function keysOf(schema: z.ZodType): string[] {
  const def = (schema as unknown as { def: Record<string, unknown> }).def;
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  for (const inner of [def.in, def.innerType, def.schema]) if (inner instanceof z.ZodType) return keysOf(inner);
  if (Array.isArray(def.options)) return [...new Set(def.options.flatMap((o: z.ZodType) => keysOf(o)))];
  return [];
}

/** Zod's own wording, which tells a person nothing about what to type. */
const GENERIC = /^(Invalid input|Invalid option|Invalid string|Invalid type|Required|Expected|Too (big|small))/;

function checkAnswer(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) return;
  expect(result.error.issues.length).toBeGreaterThan(0);
  for (const issue of result.error.issues) {
    expect(typeof issue.message, JSON.stringify(issue.path)).toBe("string");
    expect(issue.message.trim().length).toBeGreaterThan(3);
    expect(issue.message, `${JSON.stringify(issue.path)}: ${issue.message}`).not.toMatch(GENERIC);
  }
}

const RUNS = 150;

describe("every validation schema, fed hostile input", () => {
  it("finds the schemas (a module that stops exporting them would leave this suite empty)", () => {
    expect(schemas.length).toBeGreaterThan(40);
  });

  for (const [name, schema] of schemas) {
    it(`${name} answers any value with a result and a plain message, never an exception`, () => {
      fc.assert(fc.property(hostileValue(), (input) => checkAnswer(schema, input)), { numRuns: RUNS });
    });

    it(`${name} answers its own fields filled with hostile values the same way`, () => {
      fc.assert(fc.property(hostileRecord(keysOf(schema)), (input) => checkAnswer(schema, input)), { numRuns: RUNS });
    });
  }
});
