import { RETRY_AFTER_SECONDS } from "@/db/availability";

/*
 * The page every address answers (with 503 and Retry-After) while the database is away.
 * Plain HTML that needs nothing from the server, refreshing itself until the hub is back.
 */
export const BACK_SHORTLY_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}">
<title>We'll be back shortly · Common Thread</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; padding: 3rem 1.5rem; background: #fbfaf7; color: #1f2a24; line-height: 1.5; }
  main { max-width: 36rem; margin: 0 auto; }
  h1 { font-size: 1.6rem; }
  a { color: #1d5c46; }
  @media (prefers-color-scheme: dark) { body { background: #151a17; color: #e9efe9; } a { color: #9bd5bd; } }
</style>
</head>
<body>
<main>
  <h1>We'll be back shortly</h1>
  <p>Common Thread can't reach its database just now. Everything you've done is kept safe, and there's nothing you need to do: this page tries again by itself every few seconds.</p>
  <p>If you need someone to talk to now, <a href="/help">our help page lists crisis lines</a>.</p>
</main>
</body>
</html>`;
