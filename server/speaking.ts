import "server-only";
import { cookies, headers } from "next/headers";
import { catalog } from "@/lib/i18n/catalog";
import { DEFAULT_LOCALE, fromAcceptLanguage, LOCALE_COOKIE, resolveLocale, type UiLocale } from "@/lib/i18n/locales";
import { saySource } from "@/lib/i18n/said";
import { speakingStore as current } from "@/lib/i18n/speaking-store";
import { getViewer } from "./auth/session";

/*
 * The language of the request being answered, for `say()` (lib/i18n/said.ts). The action
 * wrapper and the API wrapper each enter it once, around everything the request does, so a
 * schema's field error, the wrapper's own refusal and a mutation's refusal all speak the
 * same language. Outside them (a page render, the worker) `say()` speaks English.
 */

saySource({
  locale: () => current.getStore()?.locale ?? DEFAULT_LOCALE,
  messages: catalog,
});

/** Runs `work` with `say()` speaking `locale`; `speakNow` may change it part-way (once the caller is known). */
export function speaking<T>(locale: UiLocale, work: () => Promise<T>): Promise<T> {
  return current.run({ locale }, work);
}

/** Changes the language of the request being answered, from here on. */
export function speakNow(locale: UiLocale): void {
  const store = current.getStore();
  if (store) store.locale = locale;
}

/**
 * The language a server action answers in: the same choice as the page it was posted from
 * (i18n/request.ts): the member's setting, the language cookie, then Accept-Language.
 */
export async function requestLocale(): Promise<UiLocale> {
  // Called outside a request (a script, a test calling an action directly), there are no headers: English.
  const request = await (async () => Promise.all([cookies(), headers()]))().catch(() => null);
  if (!request) return DEFAULT_LOCALE;
  const viewer = await getViewer().catch(() => null);
  return resolveLocale({ setting: viewer?.locale, cookie: request[0].get(LOCALE_COOKIE)?.value, acceptLanguage: request[1].get("accept-language") });
}

/** The language an API answer starts in, before the caller is known: the request's Accept-Language. */
export function apiLocale(request: Request): UiLocale {
  return fromAcceptLanguage(request.headers.get("accept-language")) ?? DEFAULT_LOCALE;
}
