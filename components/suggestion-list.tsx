import Link from "next/link";
import type { Suggestion } from "@/lib/connection/suggestions";
import { formatDay, formatTime } from "@/lib/dates";

/** Suggested activities, each saying why it was chosen. */
export function SuggestionList({ suggestions, zone, testId = "suggestions" }: { suggestions: Suggestion[]; zone: string; testId?: string }) {
  return (
    <ul className="space-y-2" data-testid={testId}>
      {suggestions.map((s) => (
        <li key={s.id} className="rounded-lg border border-line bg-surface p-3" data-testid="suggestion">
          <Link className="font-medium underline" href={`/activities/${s.id}`}>
            {s.title}
          </Link>
          <p className="text-sm text-muted">
            {s.groupName} · {formatDay(s.startsAt, zone)}, {formatTime(s.startsAt, zone)}
          </p>
          <p className="text-sm" data-testid="suggestion-why">
            <span className="sr-only">Why: </span>
            {s.reasons.length ? s.reasons.join(" · ") : "coming up soon"}
          </p>
        </li>
      ))}
    </ul>
  );
}
