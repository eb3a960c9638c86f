import { z } from "zod";
import { say } from "@/lib/i18n/said";

/*
 * The words for a value a form never sends but a script can (a number where text goes, a list
 * for a date, a field nobody asked for). Each schema names its own fields' usual mistakes; this
 * fills in the rest, so no answer is zod's bare "Invalid input". It is set once, by importing
 * this file, from the modules every schema, action and route handler loads.
 */
function fieldOf(path: PropertyKey[] | undefined): string {
  const named = (path ?? []).filter((p) => typeof p === "string");
  return named.length ? named.join(".") : say("validation.plain.this");
}

const KINDS = ["string", "number", "int", "boolean", "array", "object", "date"];
const FORMATS = ["uuid", "guid", "email", "url", "datetime", "date", "time", "regex"];

/** The bound a size check names: characters for text, choices for a list, else a number. */
function sizeOf(origin: unknown): "string" | "array" | "number" {
  return origin === "string" ? "string" : origin === "array" || origin === "set" ? "array" : "number";
}

type RawIssue = { code?: string; path?: PropertyKey[]; input?: unknown; [key: string]: unknown };

/** A plain sentence for an issue the schema gave no words of its own, in the language of the moment (lib/i18n/said.ts). */
export function plainIssueMessage(issue: RawIssue): string {
  const named = (issue.path ?? []).some((p) => typeof p === "string");
  const field = fieldOf(issue.path);
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return named ? say("validation.plain.fillIn", { field }) : say("validation.plain.sendValue");
      return say("validation.plain.sendAs", { field, kind: KINDS.includes(String(issue.expected)) ? String(issue.expected) : "other" });
    case "invalid_value": {
      const values = Array.isArray(issue.values) ? issue.values.map(String) : [];
      return values.length ? say("validation.plain.chooseFrom", { field, values: values.join(", ") }) : say("validation.plain.check", { field });
    }
    case "too_small":
      return say(`validation.plain.atLeast.${sizeOf(issue.origin)}`, { field, n: String(issue.minimum) });
    case "too_big":
      return say(`validation.plain.atMost.${sizeOf(issue.origin)}`, { field, n: String(issue.maximum) });
    case "invalid_format":
      return say("validation.plain.format", { field, format: FORMATS.includes(String(issue.format)) ? String(issue.format) : "other" });
    case "not_multiple_of":
      return say("validation.plain.steps", { field, divisor: String(issue.divisor) });
    case "unrecognized_keys": {
      const keys = Array.isArray(issue.keys) ? issue.keys.map(String) : [];
      return say("validation.plain.unknownFields", { count: keys.length, keys: keys.join(", ") });
    }
    default:
      return say("validation.plain.check", { field });
  }
}

z.config({ customError: (issue) => plainIssueMessage(issue as RawIssue) });
