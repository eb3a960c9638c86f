import { z } from "zod";

/*
 * The help page's crisis lines (CRISIS_LINES). Two forms are read:
 *  - JSON, `{ "region": "…", "lines": [{ "name": "…", "call": "…", … }] }`: each number becomes a
 *    link a phone can tap (tel:, sms:, mailto:, https for web chat) and the region is shown;
 *  - anything else is the older Markdown list, shown as it is written (tel: and sms: links allowed).
 */

/** A number as people write it: digits with spaces, dashes, dots or brackets, an optional leading +. */
const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ().-]*$/, "must be a phone number: digits, spaces, dashes and an optional leading +")
  .refine((v) => v.replace(/\D/g, "").length >= 3 && v.replace(/\D/g, "").length <= 15, "must have between 3 and 15 digits");

// One number or several; a single one is read as a list of one, so a bad number's own message is shown.
const phonesSchema = z.preprocess((v) => (typeof v === "string" ? [v] : v), z.array(phoneSchema).min(1));

const lineSchema = z
  .object({
    name: z.string().trim().min(1, "each line needs a name"),
    /** Numbers to call, one or several ("999" or ["999", "112"]). */
    call: phonesSchema.optional(),
    /** A number to text. */
    text: phoneSchema.optional(),
    /** The word to send when texting, if the service asks for one ("SHOUT"). */
    textWord: z.string().trim().min(1).max(40).optional(),
    email: z.email("email must be an email address").optional(),
    /** A web chat or the service's page; https only. */
    web: z
      .url()
      .refine((u) => u.startsWith("https://"), "web must start with https://")
      .optional(),
    /** When and how it answers: "free, any time, day or night". */
    note: z.string().trim().max(300).optional(),
  })
  .strict()
  .refine((l) => l.call || l.text || l.email || l.web, "each line needs at least one of call, text, email or web");

const listSchema = z
  .object({
    region: z.string().trim().min(1, "region must say where these lines answer (e.g. \"United Kingdom\")"),
    lines: z.array(lineSchema).min(1, "lines must list at least one line"),
  })
  .strict();

export type CrisisLine = {
  /** The built-in lines' key in the "help" catalog (lines.<key>), so their name and note are shown in the page's language. */
  key?: string;
  name: string;
  note?: string;
  /** Ways to reach the line, in the order shown: the words and the link a phone can follow. */
  contacts: { kind: "call" | "text" | "email" | "web"; label: string; href: string }[];
};

export type CrisisLines = { kind: "list"; region: string; lines: CrisisLine[]; builtIn?: boolean } | { kind: "markdown"; source: string };

/** The tel: link for a written number: its digits, and a leading + when it has one. */
export function telHref(number: string): string {
  return `tel:${number.trim().startsWith("+") ? "+" : ""}${number.replace(/\D/g, "")}`;
}

/** The sms: link for a number, with the word to send as the message body (RFC 5724). */
export function smsHref(number: string, word?: string): string {
  const to = `${number.trim().startsWith("+") ? "+" : ""}${number.replace(/\D/g, "")}`;
  return word ? `sms:${to}?body=${encodeURIComponent(word)}` : `sms:${to}`;
}

function toLine(l: z.infer<typeof lineSchema>): CrisisLine {
  const contacts: CrisisLine["contacts"] = [];
  for (const n of l.call ?? []) contacts.push({ kind: "call", label: n, href: telHref(n) });
  if (l.text) contacts.push({ kind: "text", label: l.textWord ? `${l.textWord} to ${l.text}` : l.text, href: smsHref(l.text, l.textWord) });
  if (l.email) contacts.push({ kind: "email", label: l.email, href: `mailto:${l.email}` });
  if (l.web) contacts.push({ kind: "web", label: new URL(l.web).host, href: l.web });
  return { name: l.name, note: l.note, contacts };
}

/**
 * Reads a CRISIS_LINES setting. JSON (starting with `{`) must match the list's shape; any other text
 * is the older Markdown form. Returns the problem in words when the JSON is malformed.
 */
export function parseCrisisLines(raw: string): { ok: true; value: CrisisLines } | { ok: false; problem: string } {
  const text = raw.trim();
  if (!text.startsWith("{")) return { ok: true, value: { kind: "markdown", source: raw } };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: "is not valid JSON (it starts with { so it is read as JSON; see Crisis lines in docs/operations.md)" };
  }
  const parsed = listSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
    return { ok: false, problem: `${where}${issue.message}` };
  }
  return { ok: true, value: { kind: "list", region: parsed.data.region, lines: parsed.data.lines.map(toLine) } };
}

/**
 * The lines for the demo town, in the UK, shown when CRISIS_LINES is not set. Their region,
 * names and notes are shown in the page's language from the "help" catalog (lines.<key>).
 */
export const DEFAULT_CRISIS_LINES: CrisisLines = {
  kind: "list",
  region: "United Kingdom",
  builtIn: true,
  lines: [
    { key: "emergency", name: "Emergency services", call: ["999", "112"], note: "if you or someone else is in danger right now." },
    { key: "samaritans", name: "Samaritans", call: ["116 123"], email: "jo@samaritans.org", note: "free, any time, day or night." },
    { key: "shout", name: "Shout", text: "85258", textWord: "SHOUT", note: "free, confidential support by text, 24/7." },
    { key: "nhs111", name: "NHS 111", call: ["111"], note: "urgent medical help that isn't an emergency, including mental health." },
    { key: "frank", name: "FRANK", call: ["0300 123 6600"], note: "honest information and advice about drugs, any time." },
  ].map(({ key, ...l }) => ({ key, ...toLine(lineSchema.parse(l)) })),
};
