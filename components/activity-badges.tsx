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
