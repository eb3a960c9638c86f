import { Badge } from "@/components/ui/badge";
import { energyLabel, kindLabel, talkLabel, type EnergyLevel, type Kind, type TalkLevel } from "@/lib/labels";

const energyDots: Record<EnergyLevel, string> = { low: "●○○", medium: "●●○", high: "●●●" };

export function KindBadge({ kind }: { kind: Kind }) {
  return <Badge tone="brand">{kindLabel[kind]}</Badge>;
}

/** Energy level, with dots as a visual cue; the words carry the meaning for screen readers. */
export function EnergyBadge({ level }: { level: EnergyLevel }) {
  return (
    <Badge tone="accent">
      <span aria-hidden="true">{energyDots[level]}</span>
      {energyLabel[level]}
    </Badge>
  );
}

export function TalkBadge({ level }: { level: TalkLevel }) {
  return <Badge>{talkLabel[level]}</Badge>;
}

/** How one takes part: in person (a place or address), online (a link), or either. */
export function attendLabel(a: { placeName: string; address: string; online: boolean }): string {
  const inPerson = Boolean(a.placeName || a.address);
  const online = a.online;
  return inPerson && online ? "In person or online" : online ? "Online" : "In person";
}

export function AttendBadge({ activity }: { activity: { placeName: string; address: string; online: boolean } }) {
  return <Badge>{attendLabel(activity)}</Badge>;
}
