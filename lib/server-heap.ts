/*
 * The production server's V8 heap limit. Without one, V8 sizes the heap from the machine's
 * memory (gigabytes here), lets it grow to several hundred megabytes of mostly garbage under a
 * burst of renders, and keeps it afterwards. A page's render needs a few megabytes and the
 * process about 60 MB that stays, so a limit well above that makes V8 collect sooner and give
 * memory back once the load ends. `npm start` runs Next with it (package.json); so do the
 * browser tests and the benchmark. An operator's own NODE_OPTIONS comes after it, so their
 * --max-old-space-size wins.
 */
export const SERVER_HEAP_MB = 384;

export function serverNodeOptions(existing = process.env.NODE_OPTIONS): string {
  return [`--max-old-space-size=${SERVER_HEAP_MB}`, existing].filter(Boolean).join(" ");
}
