import type { ReactNode } from "react";
import type { UiLocale } from "@/lib/i18n/locales";
import { syncTranslator } from "./sync-translator";

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

/** "3 of 12 places left · 9 going", "Full · 2 waiting", or "9 going · no limit", in the page's language. */
export function SpotsLeft({ capacity, goingCount, waitlistLength, locale = "en" }: { capacity: number | null; goingCount: number; waitlistLength: number; locale?: UiLocale }) {
  const t = syncTranslator(locale, "listing.spots");
  if (capacity === null) return <span data-testid="spots-left">{t("noLimit", { going: goingCount })}</span>;
  const left = capacity - goingCount;
  if (left <= 0) {
    return <span data-testid="spots-left">{waitlistLength ? t.rich("fullWaiting", { going: goingCount, waiting: waitlistLength, strong }) : t.rich("full", { going: goingCount, strong })}</span>;
  }
  return <span data-testid="spots-left">{t.rich("left", { left, capacity, going: goingCount, strong })}</span>;
}
