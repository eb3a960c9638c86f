import type { ProjectProgress as Progress } from "@/db/queries/projects";

const hours = (n: number) => `${Number.isInteger(n) ? n : Number(n.toFixed(2))} ${n === 1 ? "hour" : "hours"}`;

/** The same figures in words, for the bar's accessible name and for everyone reading. */
export function progressInWords(p: Progress): string {
  const places = p.placesNeeded === 0 ? "No tasks yet" : `${p.placesFilled} of ${p.placesNeeded} places filled`;
  return `${places} · ${p.tasksDone} of ${p.taskCount} ${p.taskCount === 1 ? "task" : "tasks"} done and verified · ${hours(p.verifiedHours)} of volunteering verified`;
}

/**
 * A project's progress: a bar of places filled, and the same figures in words beside it,
 * so nobody needs to read the bar to know where the project stands.
 */
export function ProjectProgress({ progress, label, compact = false }: { progress: Progress; label: string; compact?: boolean }) {
  const pct = progress.placesNeeded ? Math.min(100, Math.round((100 * progress.placesFilled) / progress.placesNeeded)) : 0;
  const words = progressInWords(progress);
  return (
    <div className="space-y-1" data-testid="project-progress" data-filled={progress.placesFilled} data-needed={progress.placesNeeded}>
      <div
        className={`${compact ? "h-2" : "h-3"} overflow-hidden rounded-full border border-line bg-brand-soft`}
        role="progressbar"
        aria-label={`${label}: places filled`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${pct}% — ${words}`}
      >
        <div className="h-full bg-brand" style={{ width: `${pct}%` }} />
      </div>
      <p className={compact ? "text-xs text-muted" : "text-sm"} data-testid="project-progress-words">
        {words}
      </p>
    </div>
  );
}
