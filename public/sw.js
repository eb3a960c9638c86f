/* The hub's service worker: push notifications (sw-push.js). */
importScripts("/sw-push.js");
self.addEventListener("fetch", () => {});
