/*
 * A device in the member's list is named by its browser and system ("Chrome on Android"), read
 * from the User-Agent it subscribed with. Only well-known names are kept, so nothing a script
 * sends as its User-Agent is ever shown back as words.
 */

const BROWSERS: [RegExp, string][] = [
  [/SamsungBrowser\//, "Samsung Internet"],
  [/Edg(A|iOS)?\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/Firefox\/|FxiOS\//, "Firefox"],
  [/Chrome\/|CriOS\/|Chromium\//, "Chrome"],
  [/Safari\//, "Safari"],
];

const SYSTEMS: [RegExp, string][] = [
  [/Android/, "Android"],
  [/iPhone|iPad|iPod/, "iOS"],
  [/CrOS/, "ChromeOS"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/Linux/, "Linux"],
];

const first = (list: [RegExp, string][], ua: string) => list.find(([pattern]) => pattern.test(ua))?.[1] ?? null;

export function describeDevice(userAgent: string | null | undefined): { browser: string | null; system: string | null } {
  const ua = (userAgent ?? "").slice(0, 500);
  return { browser: first(BROWSERS, ua), system: first(SYSTEMS, ua) };
}
