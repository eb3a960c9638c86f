"use client";

import { useEffect } from "react";

/**
 * Installs the hub's service worker (public/sw.js) in production builds and tells it, on every
 * page and whenever it changes, who is signed in (`viewer`, empty for no one) and the page's
 * language: the worker deletes a kept "My week" that is not this member's, and keeps its
 * offline page in their language. It renders nothing; without JavaScript the site is a plain
 * website, and a page the worker served from its cache (marked on <html>) tells it nothing.
 */
export function ServiceWorker({ viewer, language }: { viewer: string; language: string }) {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    // A group's widget shown in another site's frame is not the app.
    if (window.top !== window.self) return;
    let current = true;
    navigator.serviceWorker
      .register("/sw.js", { scope: "/" })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        if (current && !document.documentElement.hasAttribute("data-offline-copy")) registration.active?.postMessage({ type: "page", viewer, language });
      })
      // Without the worker the hub is still a website; nothing to tell the member.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [viewer, language]);
  return null;
}
