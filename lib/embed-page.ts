import { escapeHtml } from "./plain-page";

/*
 * The group widget another website shows in an <iframe>: a small page of the group's next
 * activities, plain HTML with its own styles, no script, no cookie, no site header or footer.
 * Every link opens the hub in a new tab (the frame is too small to use the hub in).
 */

export interface EmbedActivity {
  title: string;
  href: string;
  when: string;
  where: string;
  note: string;
}

/** The widget's own words, in its language (the "widget" catalog, app/embed/groups/[slug]/route.ts). */
export interface EmbedWords {
  lang: string;
  title: string;
  /** The heading, with the group's link already in it (HTML). */
  headingHtml: string;
  nothing: string;
  seeAll: string;
}

/** The page; `words` gives its words in the widget's language (the heading is given the group's link). */
export function embedPage({ groupName, groupHref, activities, words }: { groupName: string; groupHref: string; activities: EmbedActivity[]; words: (groupLink: string) => EmbedWords }): string {
  const out = (href: string, text: string) => `<a href="${escapeHtml(href)}" target="_blank" rel="noopener">${text}</a>`;
  const groupLink = out(groupHref, escapeHtml(groupName));
  const w = words(groupLink);
  const items = activities.map(
    (a) => `<li>
  <p class="title">${out(a.href, escapeHtml(a.title))}</p>
  <p>${escapeHtml(a.when)}</p>
  ${a.where ? `<p>${escapeHtml(a.where)}</p>` : ""}
  <p class="note">${escapeHtml(a.note)}</p>
</li>`,
  );
  return `<!doctype html>
<html lang="${escapeHtml(w.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(w.title)}</title>
<style>
  :root { color-scheme: light dark; }
  body { font-family: system-ui, sans-serif; margin: 0; padding: 0.75rem; background: #fbfaf7; color: #1f2a24; line-height: 1.4; font-size: 15px; }
  h1 { font-size: 1.1rem; margin: 0 0 0.5rem; }
  ul { list-style: none; margin: 0; padding: 0; }
  li { border-top: 1px solid #c9d2cc; padding: 0.5rem 0; }
  p { margin: 0; }
  .title { font-weight: 600; }
  .note, footer { color: #4a5650; font-size: 0.9rem; }
  footer { margin-top: 0.5rem; }
  a { color: #1d5c46; }
  @media (prefers-color-scheme: dark) {
    body { background: #151a17; color: #e9efe9; }
    li { border-color: #3a453f; }
    .note, footer { color: #b9c6be; }
    a { color: #9bd5bd; }
  }
</style>
</head>
<body>
<main>
<h1>${w.headingHtml}</h1>
${items.length ? `<ul>\n${items.join("\n")}\n</ul>` : `<p>${escapeHtml(w.nothing)}</p>`}
</main>
<footer>${out(groupHref, escapeHtml(w.seeAll))}</footer>
</body>
</html>`;
}
