import { z } from "zod";

/*
 * The words for a value a form never sends but a script can (a number where text goes, a list
 * for a date, a field nobody asked for). Each schema names its own fields' usual mistakes; this
 * fills in the rest, so no answer is zod's bare "Invalid input". It is set once, by importing
 * this file, from the modules every schema, action and route handler loads.
 */
const KIND: Record<string, string> = {
  string: "as text",
  number: "as a number",
  int: "as a whole number",
  boolean: "as true or false",
  array: "as a list",
  object: 'as an object of named fields, like {"name": "…"}',
  date: "as a date",
};

const FORMAT: Record<string, string> = {
  uuid: "an id as the hub gives them (like 7c1e…-…)",
  guid: "an id as the hub gives them (like 7c1e…-…)",
  email: "an email address like name@example.org",
  url: "a web address starting with https://",
  datetime: "a date and time like 2026-12-14T09:00:00Z",
  date: "a date like 2026-12-14",
  time: "a time like 09:30",
  regex: "a value in the expected pattern",
};

function fieldOf(path: PropertyKey[] | undefined): string {
  const named = (path ?? []).filter((p) => typeof p === "string");
  return named.length ? named.join(".") : "this";
}

function sizeOf(origin: unknown, n: unknown, atLeast: boolean): string {
  const bound = atLeast ? "at least" : "at most";
  if (origin === "string") return `use ${bound} ${n} characters`;
  if (origin === "array" || origin === "set") return `choose ${bound} ${n}`;
  return `use a number ${atLeast ? "of" : "up to"} ${n}${atLeast ? " or more" : ""}`;
}

type RawIssue = { code?: string; path?: PropertyKey[]; input?: unknown; [key: string]: unknown };

/** A plain sentence for an issue the schema gave no words of its own. */
export function plainIssueMessage(issue: RawIssue): string {
  const field = fieldOf(issue.path);
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return field === "this" ? "Please send a value." : `Please fill in ${field}.`;
      return `Please send ${field} ${KIND[String(issue.expected)] ?? "in the expected form"}.`;
    case "invalid_value": {
      const values = Array.isArray(issue.values) ? issue.values.map(String) : [];
      return values.length ? `Choose ${field} from: ${values.join(", ")}.` : `Please check ${field}.`;
    }
    case "too_small":
      return `For ${field}, ${sizeOf(issue.origin, issue.minimum, true)}.`;
    case "too_big":
      return `For ${field}, ${sizeOf(issue.origin, issue.maximum, false)}.`;
    case "invalid_format":
      return `Please send ${field} as ${FORMAT[String(issue.format)] ?? "a value in the expected form"}.`;
    case "not_multiple_of":
      return `Please send ${field} in steps of ${issue.divisor}.`;
    case "unrecognized_keys":
      return `Unknown field${Array.isArray(issue.keys) && issue.keys.length > 1 ? "s" : ""}: ${Array.isArray(issue.keys) ? issue.keys.join(", ") : ""}.`;
    default:
      return `Please check ${field}.`;
  }
}

z.config({ customError: (issue) => plainIssueMessage(issue as RawIssue) });
