import { RETRY_AFTER_SECONDS } from "@/db/availability";
import { plainPage } from "@/lib/plain-page";

/*
 * The page every address answers (with 503 and Retry-After) while the database is away.
 * Plain HTML that needs nothing from the server, refreshing itself until the hub is back.
 */
export const BACK_SHORTLY_PAGE = plainPage({
  title: "We'll be back shortly",
  head: `<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}">\n`,
  bodyHtml: `  <p>Common Thread can't reach its database just now. Everything you've done is kept safe, and there's nothing you need to do: this page tries again by itself every few seconds.</p>
  <p>If you need someone to talk to now, <a href="/help">our help page lists crisis lines</a>.</p>`,
});
