import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import { CrisisLineList } from "@/app/help/_components/crisis-line-list";
import { Markdown } from "@/components/markdown";
import { configurationProblem, reloadEnv } from "@/lib/env";
import { DEFAULT_CRISIS_LINES, parseCrisisLines } from "@/lib/crisis-lines";
import { helpContent } from "@/lib/help";

// The examples in docs/operations.md, word for word: they must keep parsing.
const US = `{"region": "United States", "lines": [
  {"name": "Emergency services", "call": "911", "note": "if you or someone else is in danger right now."},
  {"name": "988 Suicide & Crisis Lifeline", "call": "988", "text": "988", "web": "https://988lifeline.org/chat/", "note": "call, text or chat, free, 24/7."},
  {"name": "SAMHSA National Helpline", "call": "1-800-662-4357", "note": "free, confidential treatment referral and information about substance use and mental health, 24/7, in English and Spanish."}
]}`;
const SPAIN = `{"region": "España", "lines": [
  {"name": "Emergencias", "call": "112", "note": "si tú u otra persona estáis en peligro ahora."},
  {"name": "Línea 024 de atención a la conducta suicida", "call": "024", "note": "gratuita, confidencial, 24 horas."}
]}`;
const IRELAND = `{"region": "Ireland", "lines": [
  {"name": "Emergency services", "call": ["112", "999"], "note": "if you or someone else is in danger right now."},
  {"name": "Samaritans", "call": "116 123", "email": "jo@samaritans.ie", "note": "free, any time, day or night."},
  {"name": "Text 50808", "text": "50808", "textWord": "HELLO", "note": "free text support, 24/7."},
  {"name": "HSE Drugs and Alcohol Helpline", "call": "1800 459 459", "note": "free, confidential support about drugs and alcohol."}
]}`;

function read(raw: string) {
  const r = parseCrisisLines(raw);
  if (!r.ok) throw new Error(r.problem);
  if (r.value.kind !== "list") throw new Error("read as Markdown");
  return r.value;
}

describe("crisis lines a phone can tap", () => {
  it("turns a number to call into a tel: link with its digits, keeping the number as written", () => {
    const us = read(US);
    const samhsa = us.lines.find((l) => l.name === "SAMHSA National Helpline")!;
    expect(samhsa.contacts).toEqual([{ kind: "call", label: "1-800-662-4357", href: "tel:18006624357" }]);
    const ireland = read(IRELAND);
    expect(ireland.lines[0].contacts.map((c) => c.href)).toEqual(["tel:112", "tel:999"]);
    expect(ireland.lines[1].contacts[0]).toEqual({ kind: "call", label: "116 123", href: "tel:116123" });
    expect(read(`{"region":"Anywhere","lines":[{"name":"A line","call":"+44 (0)20 7946 0000"}]}`).lines[0].contacts[0].href).toBe("tel:+440207946" + "0000");
  });

  it("turns a text line into an sms: link with the word to send, and email and web chat into mailto: and https links", () => {
    const ireland = read(IRELAND);
    expect(ireland.lines[2].contacts).toEqual([{ kind: "text", label: "HELLO to 50808", href: "sms:50808?body=HELLO" }]);
    expect(ireland.lines[1].contacts[1]).toEqual({ kind: "email", label: "jo@samaritans.ie", href: "mailto:jo@samaritans.ie" });
    const lifeline = read(US).lines[1];
    expect(lifeline.contacts.map((c) => c.href)).toEqual(["tel:988", "sms:988", "https://988lifeline.org/chat/"]);
    const shout = DEFAULT_CRISIS_LINES.kind === "list" ? DEFAULT_CRISIS_LINES.lines.find((l) => l.name === "Shout") : undefined;
    expect(shout?.contacts).toEqual([{ kind: "text", label: "SHOUT to 85258", href: "sms:85258?body=SHOUT" }]);
  });

  it("shows the region the lines are for, and every number as a link", () => {
    const spain = read(SPAIN);
    expect(spain.region).toBe("España");
    const html = renderToStaticMarkup(createElement(CrisisLineList, { region: spain.region, lines: spain.lines }));
    expect(html).toContain("Region: <strong>España</strong>");
    expect(html).toContain('<a href="tel:024" class="font-semibold">024</a>');
    expect(html).toContain('<a href="tel:112" class="font-semibold">112</a>');
  });

  it("the demo town's default lines are for the United Kingdom, each one reachable by a link", () => {
    expect(DEFAULT_CRISIS_LINES.kind).toBe("list");
    if (DEFAULT_CRISIS_LINES.kind !== "list") return;
    expect(DEFAULT_CRISIS_LINES.region).toBe("United Kingdom");
    const hrefs = DEFAULT_CRISIS_LINES.lines.flatMap((l) => l.contacts.map((c) => c.href));
    expect(hrefs).toEqual(["tel:999", "tel:112", "tel:116123", "mailto:jo@samaritans.org", "sms:85258?body=SHOUT", "tel:111", "tel:03001236600"]);
  });

  it("still reads the older Markdown form as Markdown, and lets it link to tel: and sms:", () => {
    const md = "- **Samaritans:** call [116 123](tel:116123)\n- text [SHOUT to 85258](sms:85258?body=SHOUT)";
    expect(parseCrisisLines(md)).toEqual({ ok: true, value: { kind: "markdown", source: md } });
    const html = renderToStaticMarkup(createElement(Markdown, { source: md, allowPhoneLinks: true }));
    expect(html).toContain('href="tel:116123"');
    expect(html).toContain('href="sms:85258?body=SHOUT"');
    // A member's description never links to a phone.
    expect(renderToStaticMarkup(createElement(Markdown, { source: md }))).not.toContain("tel:");
  });

  it("says what is wrong with a malformed list", () => {
    expect(parseCrisisLines('{"region": "UK", "lines": [')).toEqual({ ok: false, problem: expect.stringContaining("is not valid JSON") });
    expect(parseCrisisLines('{"lines": [{"name": "Samaritans", "call": "116 123"}]}')).toEqual({ ok: false, problem: expect.stringMatching(/^region: /) });
    expect(parseCrisisLines('{"region": "UK", "lines": [{"name": "Samaritans", "call": "call us"}]}')).toEqual({
      ok: false,
      problem: expect.stringMatching(/^lines\.0\.call.*phone number/),
    });
    expect(parseCrisisLines('{"region": "UK", "lines": [{"name": "Samaritans"}]}')).toEqual({ ok: false, problem: expect.stringContaining("at least one of call, text, email or web") });
    expect(parseCrisisLines('{"region": "UK", "lines": [{"name": "Chat", "web": "http://example.org"}]}')).toEqual({ ok: false, problem: "lines.0.web: web must start with https://" });
  });
});

describe("the CRISIS_LINES setting", () => {
  const before = process.env.CRISIS_LINES;
  afterEach(() => {
    if (before === undefined) delete process.env.CRISIS_LINES;
    else process.env.CRISIS_LINES = before;
    reloadEnv();
  });

  it("a malformed setting stops the server at start with a message naming it", () => {
    process.env.CRISIS_LINES = '{"region": "UK", "lines": [{"name": "Samaritans", "call": "116-ABC"}]}';
    reloadEnv();
    expect(configurationProblem()).toMatch(/^Invalid configuration: CRISIS_LINES: lines\.0\.call.*phone number/);
  });

  it("a list in the setting is what the help page shows", () => {
    process.env.CRISIS_LINES = SPAIN;
    reloadEnv();
    expect(configurationProblem()).toBeNull();
    expect(helpContent().crisisLines).toMatchObject({ kind: "list", region: "España" });
  });

  it("unset or empty, the help page shows the UK lines", () => {
    process.env.CRISIS_LINES = "";
    reloadEnv();
    expect(helpContent().crisisLines).toBe(DEFAULT_CRISIS_LINES);
  });
});
