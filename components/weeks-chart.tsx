import type { WeekCount } from "@/db/queries/participation";

/**
 * Twelve weeks as a bar chart drawn on the server (plain SVG, no chart script). Screen
 * readers get the same numbers from the table beside it, so the image is described briefly.
 */
export function WeeksChart({ weeks, titleId }: { weeks: WeekCount[]; titleId: string }) {
  const width = 600;
  const height = 180;
  const bottom = 30;
  const top = 16;
  const max = Math.max(2, ...weeks.map((w) => w.activities + w.checkIns));
  const slot = width / weeks.length;
  const bar = slot * 0.6;
  const scale = (n: number) => ((height - bottom - top) * n) / max;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId} className="h-auto w-full" data-testid="weeks-chart">
      <line x1={0} x2={width} y1={height - bottom} y2={height - bottom} style={{ stroke: "var(--color-line)" }} strokeWidth={1} />
      {weeks.map((w, i) => {
        const x = i * slot + (slot - bar) / 2;
        const a = scale(w.activities);
        const c = scale(w.checkIns);
        const total = w.activities + w.checkIns;
        return (
          <g key={w.week} data-week={w.week} data-count={total}>
            <rect x={x} y={height - bottom - a} width={bar} height={a} rx={3} style={{ fill: "var(--color-brand)" }} />
            <rect x={x} y={height - bottom - a - c} width={bar} height={c} rx={3} style={{ fill: "var(--color-accent)" }} />
            {total > 0 ? (
              <text x={x + bar / 2} y={height - bottom - a - c - 4} textAnchor="middle" fontSize={12} style={{ fill: "var(--color-ink)" }}>
                {total}
              </text>
            ) : null}
            <text x={x + bar / 2} y={height - 10} textAnchor="middle" fontSize={11} style={{ fill: "var(--color-muted)" }}>
              {w.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
