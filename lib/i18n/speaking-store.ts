import { AsyncLocalStorage } from "node:async_hooks";
import { localeCookieIn, resolveLocale, type UiLocale } from "./locales";

/*
 * The language `say()` speaks (lib/i18n/said.ts), for the work of one request. Next loads the
 * proxy, the request gate, route handlers and actions as separate copies of a module, so the
 * store lives on globalThis: whichever copy enters a language, every copy of `say()` in the
 * process hears it. Server only (said.ts reads it through globalThis, so the browser's copy of
 * said.ts never imports this).
 */

type Store = AsyncLocalStorage<{ locale: UiLocale }>;
const held = globalThis as { __commonThreadSpeaking?: Store };
export const speakingStore: Store = (held.__commonThreadSpeaking ??= new AsyncLocalStorage<{ locale: UiLocale }>());

/** Runs `work` with `say()` speaking `locale`. */
export function speakingIn<T>(locale: UiLocale, work: () => T): T {
  return speakingStore.run({ locale }, work);
}

/**
 * The language of a request answered before anyone is known (the proxy, the gate in front of
 * server actions): the language cookie, then Accept-Language, then English. A member's own
 * setting needs the database, which these answers never wait for; the footer's picker sets
 * the cookie too.
 */
export function earlyLocale(cookieHeader: string | null | undefined, acceptLanguage: string | null | undefined): UiLocale {
  return resolveLocale({ cookie: localeCookieIn(cookieHeader), acceptLanguage });
}
