/*
 * The hub's service worker: what makes it an installable app that still opens without a
 * connection. Privacy comes first, because a phone or a library computer may be shared:
 *
 *  - Pages are fetched from the network first and never kept, except two:
 *    the offline page, kept as a visitor sees it (fetched without cookies, so it carries no
 *    one's name), and "My week" (/me/week), the last copy the member opened, kept for reading
 *    without a connection.
 *  - The week copy is stored with the id of the member it belongs to (read from the page's own
 *    <body data-viewer>), and served only while that member is the last one this device saw
 *    signed in. It is deleted as soon as any page shows someone else or no one: a page loaded
 *    after signing out (seen here, with or without JavaScript), or the page telling the worker
 *    who is signed in (components/service-worker.tsx, which covers sign-out by a server action).
 *  - Build files under /_next/static never change and carry nothing personal: cache first.
 *
 * Push notifications are handled in /sw-push.js.
 */
importScripts("/sw-push.js");

const VERSION = "v1";
const STATIC_CACHE = `ct-static-${VERSION}`;
const OFFLINE_CACHE = `ct-offline-${VERSION}`;
const WEEK_CACHE = `ct-week-${VERSION}`;
const OWN_CACHES = [STATIC_CACHE, OFFLINE_CACHE, WEEK_CACHE];

const OFFLINE_URL = "/offline";
const WEEK_URL = "/me/week";
// Bookkeeping entries, under addresses no page has.
const OFFLINE_LANGUAGE_KEY = "/__offline/language";
const VIEWER_KEY = "/__offline/viewer";
const OWNER_HEADER = "X-Week-Owner";
// Enough for a few builds' files; the oldest go first.
const STATIC_LIMIT = 400;

self.addEventListener("install", (event) => {
  event.waitUntil(keepOfflinePage("").finally(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith("ct-") && !OWN_CACHES.includes(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "page" || typeof data.viewer !== "string") return;
  event.waitUntil(Promise.all([seeViewer(data.viewer), typeof data.language === "string" ? keepOfflinePageIn(data.language) : undefined]));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/_next/static/")) event.respondWith(cacheFirst(request));
  else if (request.mode === "navigate") event.respondWith(networkFirst(event, url));
});

/** A page from the network; without one, the member's own week copy or the offline page. */
async function networkFirst(event, url) {
  try {
    const response = await fetch(event.request);
    event.waitUntil(learnFrom(response.clone(), url.pathname === WEEK_URL).catch(() => undefined));
    return response;
  } catch (error) {
    const copy = url.pathname === WEEK_URL ? await weekCopy() : undefined;
    const offline = copy ?? (await (await caches.open(OFFLINE_CACHE)).match(OFFLINE_URL));
    if (!offline) throw error;
    return markedAsCopy(offline);
  }
}

/**
 * Reads who the page was made for (an empty data-viewer: no one signed in). Someone else, or
 * no one: the week copy goes. A fresh /me/week is kept as the copy, under its member's id.
 */
async function learnFrom(response, isWeek) {
  if (response.type !== "basic" || !(response.headers.get("Content-Type") ?? "").startsWith("text/html")) return;
  const html = await response.text();
  const viewer = /<body[^>]*\sdata-viewer="([^"]*)"/.exec(html)?.[1];
  if (viewer === undefined) return;
  await seeViewer(viewer);
  if (!isWeek || !viewer || response.status !== 200) return;
  const headers = bodyFreeHeaders(response.headers);
  headers.set(OWNER_HEADER, viewer);
  await (await caches.open(WEEK_CACHE)).put(WEEK_URL, new Response(html, { status: 200, headers }));
}

/** Remembers who is signed in on this device now, and deletes a week copy that is not theirs. */
async function seeViewer(viewer) {
  const cache = await caches.open(WEEK_CACHE);
  await cache.put(VIEWER_KEY, new Response(viewer));
  const copy = await cache.match(WEEK_URL);
  if (copy && (!viewer || copy.headers.get(OWNER_HEADER) !== viewer)) await cache.delete(WEEK_URL);
}

/** The week copy, only when it belongs to the member this device last saw signed in. */
async function weekCopy() {
  const cache = await caches.open(WEEK_CACHE);
  const [copy, viewer] = await Promise.all([cache.match(WEEK_URL), cache.match(VIEWER_KEY)]);
  if (!copy || !viewer) return undefined;
  const current = await viewer.text();
  return current && copy.headers.get(OWNER_HEADER) === current ? copy : undefined;
}

/**
 * A kept page, marked on its <html> so the page's script knows it is a copy (and tells the
 * worker nothing about who is signed in: the offline page is a visitor's).
 */
async function markedAsCopy(response) {
  const html = (await response.clone().text()).replace(/<html(\s|>)/, "<html data-offline-copy$1");
  return new Response(html, { status: 200, headers: bodyFreeHeaders(response.headers) });
}

/** A response's headers for a new body: its length and encoding were the old body's. */
function bodyFreeHeaders(original) {
  const headers = new Headers(original);
  headers.delete("Content-Length");
  headers.delete("Content-Encoding");
  return headers;
}

/** Keeps the offline page in a language (an Accept-Language value), unless it is kept in it already. */
async function keepOfflinePageIn(language) {
  const cache = await caches.open(OFFLINE_CACHE);
  const kept = await cache.match(OFFLINE_LANGUAGE_KEY);
  if (kept && (await kept.text()) === language && (await cache.match(OFFLINE_URL))) return;
  await keepOfflinePage(language);
}

/** Fetches the offline page as a visitor (no cookies) and keeps it, with the stylesheets it uses. */
async function keepOfflinePage(language) {
  try {
    const headers = language ? { "Accept-Language": language } : {};
    const response = await fetch(new Request(OFFLINE_URL, { credentials: "omit", cache: "no-store", headers }));
    if (!response.ok) return;
    const html = await response.clone().text();
    const cache = await caches.open(OFFLINE_CACHE);
    await cache.put(OFFLINE_URL, response);
    // The language it came in (the browser's, when none was asked for), so a page in the same one fetches nothing more.
    const lang = /<html[^>]*\slang="([a-z]+)/.exec(html)?.[1] ?? language;
    await cache.put(OFFLINE_LANGUAGE_KEY, new Response(lang));
    const styles = [...html.matchAll(/href="(\/_next\/static\/[^"]+\.css)"/g)].map((m) => m[1]);
    const staticCache = await caches.open(STATIC_CACHE);
    await Promise.all(styles.map((href) => staticCache.match(href).then((hit) => hit ?? staticCache.add(href))));
  } catch {
    // No network now: the next page the member opens tries again.
  }
}

/** A build file from the cache, else from the network and kept. */
async function cacheFirst(request) {
  const cache = await caches.open(STATIC_CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") {
    await cache.put(request, response.clone());
    const keys = await cache.keys();
    for (const old of keys.slice(0, Math.max(0, keys.length - STATIC_LIMIT))) await cache.delete(old);
  }
  return response;
}
