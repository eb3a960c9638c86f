import fs from "node:fs";
import path from "node:path";
import { createElement, isValidElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ActivityCard } from "@/components/activity-card";
import type { ActivitySummary } from "@/db/queries/activities";
import { catalog, sharedTranslator, translator } from "@/lib/i18n/catalog";

/*
 * Server components' translators are made once per language and namespace and keep the messages
 * they compile for the whole process (lib/i18n/catalog.ts). These tests hold them to giving what
 * a fresh translator gives, per call, per language, and to being what every server component uses.
 */

const root = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.tsx?$/.test(entry.name)) out.push(rel);
  }
  return out;
}

describe("shared translators", () => {
  it("are made once per language and namespace", () => {
    expect(sharedTranslator("en", "listing.card")).toBe(sharedTranslator("en", "listing.card"));
    expect(sharedTranslator("en", "listing.card")).not.toBe(sharedTranslator("es", "listing.card"));
    expect(sharedTranslator("en", "listing.card")).not.toBe(sharedTranslator("en", "listing.spots"));
  });

  it("format each call's own values, in each call's language, every time", () => {
    const en = sharedTranslator("en", "listing.spots");
    const es = sharedTranslator("es", "listing.spots");
    expect(en("noLimit", { going: 3 })).toContain("3");
    expect(en("noLimit", { going: 11 })).toContain("11");
    expect(en("noLimit", { going: 11 })).not.toContain("3");
    // A message compiled for one language is not given to the other.
    expect(es("noLimit", { going: 3 })).not.toBe(en("noLimit", { going: 3 }));
    expect(en("noLimit", { going: 3 })).toBe(en("noLimit", { going: 3 }));
  });

  it("give what a translator made afresh gives, for plurals and rich text too", () => {
    const fresh = (locale: "en" | "es") => translator(locale, "listing.spots");
    for (const locale of ["en", "es"] as const) {
      const shared = sharedTranslator(locale, "listing.spots");
      for (const going of [0, 1, 2, 17]) expect(shared("noLimit", { going })).toBe(fresh(locale)("noLimit", { going }));
      const rich = renderToStaticMarkup(createElement("p", null, shared.rich("left", { left: 2, capacity: 9, going: 7, strong: (c) => createElement("strong", null, c) })));
      expect(rich).toContain("<strong>");
      expect(rich).toMatch(/2/);
      expect(rich).toMatch(/9/);
    }
  });

  it("wrap every message in the test-only pseudo-locale", () => {
    expect(sharedTranslator("en-XA", "listing.card")("firstTimer")).toBe(`⟦${(catalog("en") as { listing: { card: { firstTimer: string } } }).listing.card.firstTimer}⟧`);
  });

  it("are what every server component translates with (no file takes next-intl's own getTranslations)", () => {
    // lib/i18n/translations.ts is the stand-in itself (it takes only next-intl's type and getLocale).
    const offenders = ["app", "components", "server", "lib"].flatMap(sourceFiles).filter((file) => {
      if (file === path.join("lib", "i18n", "translations.ts")) return false;
      const text = fs.readFileSync(path.join(root, file), "utf8");
      return /import\s*\{[^}]*\bgetTranslations\b[^}]*\}\s*from\s*"next-intl\/server"/.test(text);
    });
    expect(offenders).toEqual([]);
    // The scan reads real files: the listing's page is among them and takes the shared one.
    expect(fs.readFileSync(path.join(root, "app/activities/page.tsx"), "utf8")).toContain('from "@/lib/i18n/translations"');
  });
});

const summary: ActivitySummary = {
  id: "00000000-0000-4000-8000-000000000001",
  title: "Tuesday litter pick",
  kind: "volunteer",
  status: "scheduled",
  startsAt: new Date("2026-12-08T10:00:00Z"),
  endsAt: new Date("2026-12-08T12:00:00Z"),
  timezone: "Europe/London",
  group: { slug: "green", name: "Green Hands", visibility: "public" },
  placeName: "Hillcrest Park",
  address: "",
  neighbourhood: "Hillcrest",
  latitude: null,
  longitude: null,
  online: false,
  energyLevel: "low",
  talkLevel: "quiet",
  stepFree: false,
  seatingAvailable: false,
  quietSpace: false,
  lateArrivalOk: true,
  substanceFree: true,
  firstTimerFriendly: true,
  capacity: 10,
  goingCount: 3,
  waitlistLength: 0,
  spotsLeft: 7,
  rsvpCutoff: null,
  seriesId: null,
  projectId: null,
  distanceKm: null,
};

const text = (html: string) => html.replace(/<!-- -->/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

describe("an activity card", () => {
  it("renders at once, not as an awaited component (a listing's twenty cards are one piece of its payload)", () => {
    const card = ActivityCard({ activity: summary, zone: "Europe/London", locale: "en" });
    expect(card).not.toBeInstanceOf(Promise);
    expect(isValidElement(card)).toBe(true);
  });

  it("shows its badges, time, place and room in the page's language", () => {
    const en = text(renderToStaticMarkup(createElement(ActivityCard, { activity: summary, zone: "Europe/London", locale: "en" })));
    expect(en).toContain("Tuesday litter pick");
    expect(en).toContain("Tue 8 Dec 2026, 10:00–12:00");
    expect(en).toContain("Hillcrest Park");
    expect(en).toContain("Green Hands");
    expect(en).toContain("Low energy");
    expect(en).toContain("Quiet");
    expect(en).toContain("First-timer friendly");
    expect(en).toContain("Substance-free");
    expect(en).toMatch(/7 of 10 places left/);

    const es = text(renderToStaticMarkup(createElement(ActivityCard, { activity: summary, zone: "Europe/London", locale: "es" })));
    expect(es).toContain("Tuesday litter pick");
    expect(es).not.toContain("Low energy");
    expect(es).not.toContain("First-timer friendly");
  });

  it("draws its badges with the badge classes, one tone each", () => {
    const html = renderToStaticMarkup(createElement(ActivityCard, { activity: summary, zone: "Europe/London", locale: "en" }));
    expect(html).toContain('class="card"');
    expect(html).toContain('class="badge badge-brand"');
    expect(html).toContain('class="badge badge-accent"');
    expect(html.match(/class="badge badge-neutral"/g)?.length).toBe(4);
    // No badge is given an empty title.
    expect(html).not.toContain("title=");
  });
});
