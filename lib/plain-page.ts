/*
 * A page the hub answers without React or the database (the database-away page, the
 * malformed-address page): plain HTML in the hub's colours, light and dark. Callers pass
 * HTML they have already escaped.
 */

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** `lang` is the language tag the page is written in (lib/i18n/locales.ts's languageTag); English by default. */
export function plainPage({ title, bodyHtml, head = "", lang = "en" }: { title: string; bodyHtml: string; head?: string; lang?: string }): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${head}<title>${escapeHtml(title)} · Common Thread</title>
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
  <h1>${escapeHtml(title)}</h1>
${bodyHtml}
</main>
</body>
</html>`;
}
