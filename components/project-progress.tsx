import { getTranslations } from "@/lib/i18n/translations";
import type { ProjectProgress as Progress } from "@/db/queries/projects";

/** Hours as shown: at most two decimals. */
const shownHours = (n: number) => (Number.isInteger(n) ? n : Number(n.toFixed(2)));

/**
 * A project's progress: a bar of places filled, and the same figures in words beside it,
 * so nobody needs to read the bar to know where the project stands. The words are also the
 * bar's accessible value.
 */
export async function ProjectProgress({ progress, label, compact = false }: { progress: Progress; label: string; compact?: boolean }) {
  const t = await getTranslations("projects.progress");
  const pct = progress.placesNeeded ? Math.min(100, Math.round((100 * progress.placesFilled) / progress.placesNeeded)) : 0;
  const words = t("words", {
    hasPlaces: progress.placesNeeded === 0 ? "no" : "yes",
    filled: progress.placesFilled,
    needed: progress.placesNeeded,
    done: progress.tasksDone,
    tasks: progress.taskCount,
    hours: shownHours(progress.verifiedHours),
  });
  return (
    <div className="space-y-1" data-testid="project-progress" data-filled={progress.placesFilled} data-needed={progress.placesNeeded}>
      <div
        className={`${compact ? "h-2" : "h-3"} overflow-hidden rounded-full border border-line bg-brand-soft`}
        role="progressbar"
        aria-label={t("label", { label })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={t("valueText", { pct, words })}
      >
        <div className="h-full bg-brand" style={{ width: `${pct}%` }} />
      </div>
      <p className={compact ? "text-xs text-muted" : "text-sm"} data-testid="project-progress-words">
        {words}
      </p>
    </div>
  );
}
