import { escapeHtml, plainPage } from "@/lib/plain-page";
import { say, spokenLocale } from "@/lib/i18n/said";
import { languageTag } from "@/lib/i18n/locales";

/*
 * What an address may carry before anything reads it. Every route and query parameter comes
 * from here, so the rule lives once, in front of them all (proxy.ts), rather than in each
 * page or query: a %-encoding that cannot be decoded names nothing, and a NUL (%00) is a
 * character no link or form of ours writes and PostgreSQL refuses to read in text.
 */

export type AddressProblem = { kind: "malformed" | "nul"; message: string };

const NUL_MESSAGE = () => say("validation.address.nul");

/** Why this path and query can name nothing, or null when they are fine to read. */
export function addressProblem(pathname: string, search: string): AddressProblem | null {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return { kind: "malformed", message: say("validation.address.malformed") };
  }
  if (path.includes("\u0000")) return { kind: "nul", message: NUL_MESSAGE() };
  // URLSearchParams decodes as a page or route handler will; a bad %-sequence stays literal there.
  for (const [name, value] of new URLSearchParams(search)) {
    if (name.includes("\u0000") || value.includes("\u0000")) return { kind: "nul", message: NUL_MESSAGE() };
  }
  return null;
}

/** The page a person sees for an address carrying a NUL: plain, and needing nothing from the server. */
export function badAddressPage(message: string): string {
  return plainPage({ lang: languageTag(spokenLocale()), title: say("validation.address.pageTitle"), bodyHtml: `  <p>${escapeHtml(message)}</p>\n  <p><a href="/">${escapeHtml(say("validation.address.homeLink"))}</a></p>` });
}
