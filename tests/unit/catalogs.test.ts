import fs from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { catalog, pseudo, translator, type Messages } from "@/lib/i18n/catalog";
import { fromAcceptLanguage, LOCALES, resolveLocale } from "@/lib/i18n/locales";

/*
 * The catalogs (messages/<locale>/<namespace>.json): every language has the same namespaces,
 * the same keys and, message by message, the same placeholders as English, and every message
 * is valid ICU MessageFormat. The gentle-words rule holds in every language.
 */

function flatten(messages: Messages, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(messages)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out[name] = value;
    else Object.assign(out, flatten(value, name));
  }
  return out;
}

/** The argument names a message uses ({name}, {count, plural, …}, <link>…</link>), sorted. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) names.add(e.value);
      if (e.type === TYPE.plural || e.type === TYPE.select) {
        names.add(e.value);
        for (const option of Object.values(e.options)) walk(option.value);
      }
      if (e.type === TYPE.tag) {
        names.add(`<${e.value}>`);
        walk(e.children);
      }
    }
  };
  walk(parse(message));
  return [...names].sort();
}

const ROOT = path.resolve(__dirname, "../..");
const namespaces = (locale: string) => fs.readdirSync(path.join(ROOT, "messages", locale)).filter((f) => f.endsWith(".json")).sort();

describe("message catalogs", () => {
  const english = flatten(catalog("en"));

  it("English has messages, each valid ICU MessageFormat and not empty", () => {
    expect(Object.keys(english).length).toBeGreaterThan(20);
    for (const [key, message] of Object.entries(english)) {
      expect(message.trim(), key).not.toBe("");
      expect(() => parse(message), key).not.toThrow();
    }
  });

  for (const locale of LOCALES.filter((l) => l !== "en")) {
    it(`${locale} has the same namespaces, keys and placeholders as English`, () => {
      expect(namespaces(locale)).toEqual(namespaces("en"));
      const other = flatten(catalog(locale));
      expect(Object.keys(other).sort()).toEqual(Object.keys(english).sort());
      for (const [key, message] of Object.entries(other)) {
        expect(message.trim(), `${locale} ${key}`).not.toBe("");
        expect(argumentsOf(message), `${locale} ${key}`).toEqual(argumentsOf(english[key]));
      }
    });
  }

  it("finds a placeholder missing from a translation (the check can fail)", () => {
    expect(argumentsOf("{count, plural, one {# place} other {# places}} at <link>{where}</link>")).toEqual(["<link>", "count", "where"]);
    expect(argumentsOf("# plazas")).not.toEqual(argumentsOf("{count, plural, other {# places}}"));
  });

  it("translates outside a page, with plurals in the language's own rules", () => {
    expect(translator("en", "common.header")("signIn")).toBe("Sign in");
    expect(translator("es", "common.header")("signIn")).toBe("Entrar");
  });

  it("the pseudo-locale wraps every message and keeps its placeholders", () => {
    expect(pseudo({ a: "Hello {name}", b: { c: "Hi" } })).toEqual({ a: "⟦Hello {name}⟧", b: { c: "⟦Hi⟧" } });
  });

  it("no message in Spanish speaks of streaks, loss, failure, being behind or ranks", () => {
    const FORBIDDEN = /(?<![\p{L}])(rachas?|perdid[oa]s?|perdiste|fallad[oa]s?|fallaste|fracas\p{L}*|atrasad[oa]s?|retrasad[oa]s?|ranking|clasificaci[oó]n)(?![\p{L}])/iu;
    const offending = Object.entries(flatten(catalog("es"))).filter(([, m]) => FORBIDDEN.test(m));
    expect(offending).toEqual([]);
  });
});

describe("choosing a language", () => {
  it("reads Accept-Language by its weights, by the base language", () => {
    expect(fromAcceptLanguage("es-MX,es;q=0.9,en;q=0.8")).toBe("es");
    expect(fromAcceptLanguage("en-GB,en;q=0.9")).toBe("en");
    expect(fromAcceptLanguage("fr-FR,fr;q=0.9,es;q=0.5,en;q=0.4")).toBe("es");
    expect(fromAcceptLanguage("en;q=0.2,es;q=0.8")).toBe("es");
    expect(fromAcceptLanguage("de,fr")).toBeNull();
    expect(fromAcceptLanguage("es;q=0")).toBeNull();
    expect(fromAcceptLanguage("")).toBeNull();
  });

  it("the member's setting wins, then the cookie, then the browser, then English", () => {
    expect(resolveLocale({ setting: "en", cookie: "es", acceptLanguage: "es" })).toBe("en");
    expect(resolveLocale({ setting: null, cookie: "es", acceptLanguage: "en" })).toBe("es");
    expect(resolveLocale({ setting: null, cookie: "xx", acceptLanguage: "es-AR" })).toBe("es");
    expect(resolveLocale({})).toBe("en");
  });

  it("the pseudo-locale is refused unless it is on", () => {
    const before = process.env.PSEUDO_LOCALE;
    delete process.env.PSEUDO_LOCALE;
    expect(resolveLocale({ cookie: "en-XA" })).toBe("en");
    process.env.PSEUDO_LOCALE = "on";
    expect(resolveLocale({ cookie: "en-XA" })).toBe("en-XA");
    if (before === undefined) delete process.env.PSEUDO_LOCALE;
    else process.env.PSEUDO_LOCALE = before;
  });
});
