import { createTranslator } from "use-intl/core";
import enValidation from "@/messages/en/validation.json";
import esValidation from "@/messages/es/validation.json";
import { DEFAULT_LOCALE, isLocale, PSEUDO_LOCALE, type Locale, type UiLocale } from "./locales";
import type { Messages } from "./catalog";

/*
 * Words said outside a page render: a form's field errors, an action's or a mutation's
 * refusal, the API's error message. Zod schemas are module constants and call their error
 * functions while parsing, so these cannot take the language as an argument; `say(key)` asks
 * the current one instead:
 *
 * - on the server, the language of the request being answered, which the two doors every
 *   request goes through (server/action.ts for actions, server/api/route.ts for the API) set
 *   for the whole of its work (server/speaking.ts); English outside any request;
 * - in the browser (the same schemas check forms before they are sent), the page's own
 *   language, from <html lang>. Only the "validation" namespace is needed there, and it is
 *   part of this module, both languages (a few kilobytes), so a check made before any
 *   answer from the server already speaks the page's language.
 *
 * Keys are "namespace.key.path" over messages/<locale>/*.json; tests/unit/said-keys.test.ts
 * checks every `say("…")` in the code names a message that exists.
 */

type Values = Record<string, string | number>;

export interface SaySource {
  locale(): UiLocale;
  messages(locale: UiLocale): Messages;
}

const BUNDLED: Record<string, Messages> = { en: { validation: enValidation }, es: { validation: esValidation } };

type NodeFs = { readdirSync(dir: string): string[]; readFileSync(file: string, encoding: "utf8"): string };

/**
 * On the server where server/speaking.ts is not loaded (the proxy, the gate in front of server
 * actions, a script, a test calling a mutation directly): the language entered in the shared
 * store (lib/i18n/speaking-store.ts, on globalThis), English outside it, with the catalog files
 * themselves, every namespace. Read through process.getBuiltinModule so that no bundle for the
 * browser tries to include the file system.
 */
const fromFiles = new Map<string, Messages | null>();
function messagesFromFiles(locale: UiLocale): Messages | null {
  const folder = locale === PSEUDO_LOCALE ? DEFAULT_LOCALE : locale;
  if (fromFiles.has(folder)) return fromFiles.get(folder)!;
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown; cwd(): string } }).process;
  const fs = typeof window === "undefined" ? (proc?.getBuiltinModule?.("node:fs") as NodeFs | undefined) : undefined;
  let messages: Messages | null = null;
  if (fs && proc) {
    const dir = `${proc.cwd()}/messages/${folder}`;
    messages = Object.fromEntries(fs.readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => [f.slice(0, -5), JSON.parse(fs.readFileSync(`${dir}/${f}`, "utf8")) as Messages]));
  }
  fromFiles.set(folder, messages);
  return messages;
}

type SpeakingStore = { getStore(): { locale: UiLocale } | undefined };
const spokenOnServer = (): UiLocale | undefined => (globalThis as { __commonThreadSpeaking?: SpeakingStore }).__commonThreadSpeaking?.getStore()?.locale;

/** In the browser: the page's language, with the messages bundled here; on the server, the shared store's language, English outside it. */
const bundled: SaySource = {
  locale: () =>
    typeof window === "undefined"
      ? (spokenOnServer() ?? DEFAULT_LOCALE)
      : typeof document !== "undefined" && document.documentElement.lang.toLowerCase().startsWith("es")
        ? "es"
        : DEFAULT_LOCALE,
  messages: (locale) => (typeof window === "undefined" ? messagesFromFiles(locale) : null) ?? BUNDLED[locale] ?? BUNDLED[DEFAULT_LOCALE],
};

let source: SaySource = bundled;

/** Where the language and the messages come from on the server (server/speaking.ts sets it once). */
export function saySource(next: SaySource): void {
  source = next;
}

const translators = new Map<Messages, (key: string, values?: Values) => string>();

function translate(locale: UiLocale, messages: Messages, key: string, values?: Values): string {
  let t = translators.get(messages);
  if (!t) {
    // The pseudo-locale's messages are English wrapped in ⟦ ⟧; they are formatted as English.
    const formatAs = locale === PSEUDO_LOCALE ? DEFAULT_LOCALE : locale;
    t = createTranslator({ locale: formatAs, messages }) as unknown as (key: string, values?: Values) => string;
    translators.set(messages, t);
  }
  return t(key, values);
}

/** A message in the current language: `say("errors.action.signInFirst")`, `say("errors.api.tooLarge", { kilobytes: "64" })`. */
export function say(key: string, values?: Values): string {
  const locale = source.locale();
  return translate(locale, source.messages(locale), key, values);
}

/**
 * A message in a language given outright, for words a page renders on the server and again in the
 * browser (where the language being spoken could differ between the two): `sayIn(useLocale(), …)`.
 */
export function sayIn(locale: UiLocale, key: string, values?: Values): string {
  return translate(locale, source.messages(locale), key, values);
}

/**
 * The language `say()` speaks now, for words kept to be said later in it (a guest's emails,
 * written in the language of the request they RSVP'd from). The pseudo-locale is English.
 */
export function spokenLocale(): Locale {
  const locale = source.locale();
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/**
 * A zod error parameter that says a message when the check fails, in the language of the
 * moment it fails: `.min(3, words("validation.activity.titleShort"))`, `z.string(words(…))`.
 */
export function words(key: string, values?: Values): { error: () => string } {
  return { error: () => say(key, values) };
}
