/*
 * A signed-in caller for direct calls to server actions and route handlers. Outside a
 * request there is no session cookie, so a test file swaps next-auth's `auth()` for one
 * that answers with the member chosen by `actAs`, and gives actions the request headers
 * and cache calls a request would have:
 *
 *   vi.mock("@/server/auth/config", async (original) => (await import("./helpers/session")).mockAuthConfig(await original()));
 *   vi.mock("next/headers", async () => (await import("./helpers/session")).mockNextHeaders());
 *   vi.mock("next/cache", async () => (await import("./helpers/session")).mockNextCache());
 *
 * Everything after `auth()` is the product's own code: getViewer still reads the member's
 * row (a suspended or deleted account is nobody), and every action still authorizes
 * against the rows.
 */

import { PEER_ADDRESS_HEADER } from "@/server/peer-address";

let current: string | null = null;

/** From now on, actions and routes are called as this member (null: a visitor). */
export function actAs(user: { id: string } | null | undefined): void {
  current = user?.id ?? null;
}

export function signedInId(): string | null {
  return current;
}

/** The error Next's redirect() throws, for signIn/signOut, which redirect when they succeed. */
function redirectError(url: string): Error {
  return Object.assign(new Error("NEXT_REDIRECT"), { digest: `NEXT_REDIRECT;replace;${url};307;` });
}

/** The redirect target when `error` is Next's redirect, else null. */
export function redirectTarget(error: unknown): string | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest !== "string" || !digest.startsWith("NEXT_REDIRECT")) return null;
  return digest.split(";")[2] ?? "";
}

export function mockAuthConfig<T extends object>(original: T): T {
  return {
    ...original,
    auth: async () => (current ? { user: { id: current, name: "", email: "" }, expires: new Date(Date.now() + 3600_000).toISOString() } : null),
    signIn: async (_provider: string, options?: { redirectTo?: string }) => {
      throw redirectError(options?.redirectTo ?? "/");
    },
    signOut: async (options?: { redirectTo?: string }) => {
      throw redirectError(options?.redirectTo ?? "/");
    },
  };
}

let asked: { acceptLanguage?: string; cookies: Record<string, string> } = { cookies: {} };

/** From now on, requests come with this Accept-Language and these cookies (say, the language cookie); `askAs()` for none. */
export function askAs(request: { acceptLanguage?: string; cookies?: Record<string, string> } = {}): void {
  asked = { acceptLanguage: request.acceptLanguage, cookies: request.cookies ?? {} };
}

export function mockNextHeaders() {
  return {
    headers: async () => new Headers({ host: "hub.test", [PEER_ADDRESS_HEADER]: "192.0.2.10", ...(asked.acceptLanguage ? { "accept-language": asked.acceptLanguage } : {}) }),
    cookies: async () => ({
      get: (name: string) => (name in asked.cookies ? { name, value: asked.cookies[name] } : undefined),
      getAll: () => Object.entries(asked.cookies).map(([name, value]) => ({ name, value })),
      has: (name: string) => name in asked.cookies,
      set: () => undefined,
      delete: () => undefined,
    }),
  };
}

export function mockNextCache() {
  const none = () => undefined;
  return { revalidatePath: none, revalidateTag: none, updateTag: none, refresh: none, unstable_cache: <F>(f: F) => f, unstable_noStore: none };
}
