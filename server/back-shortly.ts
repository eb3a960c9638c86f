import { RETRY_AFTER_SECONDS } from "@/db/availability";
import { escapeHtml, plainPage } from "@/lib/plain-page";
import { say, spokenLocale } from "@/lib/i18n/said";
import { languageTag } from "@/lib/i18n/locales";

/*
 * The page every address answers (with 503 and Retry-After) while the database is away, in the
 * language the proxy speaks for the request. Plain HTML that needs nothing from the server,
 * refreshing itself until the hub is back.
 */
export function backShortlyPage(): string {
  const marker = "\u0000help\u0000";
  const help = escapeHtml(say("errors.refusals.availability.page.help", { link: marker })).replace(
    marker,
    `<a href="/help">${escapeHtml(say("errors.refusals.availability.page.helpLink"))}</a>`,
  );
  return plainPage({
    title: say("errors.refusals.availability.page.title"),
    head: `<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}">\n`,
    bodyHtml: `  <p>${escapeHtml(say("errors.refusals.availability.page.body"))}</p>\n  <p>${help}</p>`,
    lang: languageTag(spokenLocale()),
  });
}
