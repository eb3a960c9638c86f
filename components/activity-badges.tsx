import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { EnergyLevel, Kind, TalkLevel } from "@/lib/labels";

const energyDots: Record<EnergyLevel, string> = { low: "●○○", medium: "●●○", high: "●●●" };

export async function KindBadge({ kind }: { kind: Kind }) {
  const t = await getTranslations("labels");
  return <Badge tone="brand">{t(`kind.${kind}`)}</Badge>;
}

/** Energy level, with dots as a visual cue; the words carry the meaning for screen readers. */
export async function EnergyBadge({ level }: { level: EnergyLevel }) {
  const t = await getTranslations("labels");
  return (
    <Badge tone="accent">
      <span aria-hidden="true">{energyDots[level]}</span>
      {t(`energy.${level}`)}
    </Badge>
  );
}

export async function TalkBadge({ level }: { level: TalkLevel }) {
  const t = await getTranslations("labels");
  return <Badge>{t(`talk.${level}`)}</Badge>;
}

/** How one takes part: in person (a place or address), online (a link), or either; a key of the "listing" catalog's `attend`. */
export function attendKey(a: { placeName: string; address: string; online: boolean }): "both" | "online" | "inPerson" {
  const inPerson = Boolean(a.placeName || a.address);
  const online = a.online;
  return inPerson && online ? "both" : online ? "online" : "inPerson";
}

export async function AttendBadge({ activity }: { activity: { placeName: string; address: string; online: boolean } }) {
  const t = await getTranslations("listing.attend");
  return <Badge>{t(attendKey(activity))}</Badge>;
}
