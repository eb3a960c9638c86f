import { Badge } from "@/components/ui/badge";
import type { UiLocale } from "@/lib/i18n/locales";
import type { EnergyLevel, Kind, TalkLevel } from "@/lib/labels";
import { syncTranslator } from "./sync-translator";

const energyDots: Record<EnergyLevel, string> = { low: "●○○", medium: "●●○", high: "●●●" };

/*
 * Plain (not async) components given the page's language: a listing draws four of them per card,
 * and each async component would be a separate row of the page's payload and a separate await.
 */

export function KindBadge({ kind, locale }: { kind: Kind; locale: UiLocale }) {
  const t = syncTranslator(locale, "labels");
  return <Badge tone="brand">{t(`kind.${kind}`)}</Badge>;
}

/** Energy level, with dots as a visual cue; the words carry the meaning for screen readers. */
export function EnergyBadge({ level, locale }: { level: EnergyLevel; locale: UiLocale }) {
  const t = syncTranslator(locale, "labels");
  return (
    <Badge tone="accent">
      <span aria-hidden="true">{energyDots[level]}</span>
      {t(`energy.${level}`)}
    </Badge>
  );
}

export function TalkBadge({ level, locale }: { level: TalkLevel; locale: UiLocale }) {
  const t = syncTranslator(locale, "labels");
  return <Badge>{t(`talk.${level}`)}</Badge>;
}

/** How one takes part: in person (a place or address), online (a link), or either; a key of the "listing" catalog's `attend`. */
export function attendKey(a: { placeName: string; address: string; online: boolean }): "both" | "online" | "inPerson" {
  const inPerson = Boolean(a.placeName || a.address);
  const online = a.online;
  return inPerson && online ? "both" : online ? "online" : "inPerson";
}

export function AttendBadge({ activity, locale }: { activity: { placeName: string; address: string; online: boolean }; locale: UiLocale }) {
  const t = syncTranslator(locale, "listing.attend");
  return <Badge>{t(attendKey(activity))}</Badge>;
}
