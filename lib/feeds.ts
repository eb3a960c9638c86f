/*
 * RSS 2.0 and Atom 1.0 documents of activities, for feed readers and a group's own website.
 * Every text goes through `xmlText`: the five XML specials escaped, and characters XML 1.0
 * does not allow at all (control characters, lone surrogates) dropped, since one of them
 * makes the whole document unreadable to a strict parser. Links are absolute.
 */

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(text: string): string {
  return text.replace(NOT_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** RSS readers read <description> as HTML, so plain text is escaped for HTML first (then for XML). */
function htmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export interface FeedEntry {
  /** Stable id (the activity's), made into a tag URI for Atom and a permalink guid for RSS. */
  id: string;
  title: string;
  link: string;
  /** Plain text: when, where, what it asks. */
  summary: string;
  /** The date the entry is dated by: when the activity starts (the feed lists what is coming). */
  date: Date;
  category: string;
}

export interface FeedInfo {
  title: string;
  description: string;
  /** The page the feed is of. */
  link: string;
  /** The feed's own address. */
  self: string;
  /** The other format's address. */
  alternate: string;
  updated: Date;
  generator: string;
  /** The language its words are in (a BCP 47 tag); English when not given. */
  language?: string;
}

export function toRss(feed: FeedInfo, entries: FeedEntry[]): string {
  const items = entries.map(
    (e) => `    <item>
      <title>${xmlText(e.title)}</title>
      <link>${xmlText(e.link)}</link>
      <guid isPermaLink="true">${xmlText(e.link)}</guid>
      <description>${xmlText(htmlText(e.summary))}</description>
      <category>${xmlText(e.category)}</category>
      <pubDate>${e.date.toUTCString()}</pubDate>
    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${xmlText(feed.title)}</title>
    <link>${xmlText(feed.link)}</link>
    <description>${xmlText(feed.description)}</description>
    <atom:link href="${xmlText(feed.self)}" rel="self" type="application/rss+xml"/>
    <language>${xmlText(feed.language ?? "en")}</language>
    <generator>${xmlText(feed.generator)}</generator>
    <lastBuildDate>${feed.updated.toUTCString()}</lastBuildDate>
    <ttl>60</ttl>
${items.join("\n")}
  </channel>
</rss>
`;
}

/** An Atom id that stays the same for an activity whatever address the site moves to. */
function tagUri(host: string, id: string): string {
  return `tag:${host},2026:${id}`;
}

export function toAtom(feed: FeedInfo, entries: FeedEntry[]): string {
  const host = new URL(feed.link).hostname || "localhost";
  const items = entries.map(
    (e) => `  <entry>
    <id>${xmlText(tagUri(host, `activity:${e.id}`))}</id>
    <title type="text">${xmlText(e.title)}</title>
    <link rel="alternate" type="text/html" href="${xmlText(e.link)}"/>
    <updated>${e.date.toISOString()}</updated>
    <summary type="text">${xmlText(e.summary)}</summary>
    <category term="${xmlText(e.category)}"/>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(feed.language ?? "en")}">
  <id>${xmlText(feed.self)}</id>
  <title type="text">${xmlText(feed.title)}</title>
  <subtitle type="text">${xmlText(feed.description)}</subtitle>
  <link rel="self" type="application/atom+xml" href="${xmlText(feed.self)}"/>
  <link rel="alternate" type="text/html" href="${xmlText(feed.link)}"/>
  <link rel="alternate" type="application/rss+xml" href="${xmlText(feed.alternate)}"/>
  <updated>${feed.updated.toISOString()}</updated>
  <author><name>${xmlText(feed.generator)}</name></author>
  <generator>${xmlText(feed.generator)}</generator>
${items.join("\n")}
</feed>
`;
}
