import type { SlotRoster } from "@/db/queries/slots";
import { slotLabel, slotsToText } from "@/lib/validation/slots";
import { setSlotsAction } from "./slot-actions";
import { SlotsEditor } from "./slots-editor";

/**
 * The organizer's time slots: the lines to change them, then who holds each slot and who waits
 * for it, in line order. A slot someone holds or waits for cannot be removed, and its places
 * cannot go below the number going: the form refuses and says which slot.
 */
export function SlotsSection({ activity, slots, canChange }: { activity: { id: string; startsAt: Date; endsAt: Date; timezone: string }; slots: SlotRoster[]; canChange: boolean }) {
  const text = slotsToText(slots, activity);
  return (
    <section aria-labelledby="slots-section-heading" className="space-y-3" data-testid="organize-slots">
      <h2 id="slots-section-heading" className="text-xl font-semibold">Time slots ({slots.length})</h2>
      <p className="text-sm text-muted">
        Split the activity into shifts, each with its own places and waitlist. Members take one or more; holding a slot means they&apos;re going. Guests (without an account) can&apos;t take slots.
      </p>
      {canChange ? <SlotsEditor action={setSlotsAction} activityId={activity.id} current={text} /> : null}
      {slots.length ? (
        <ul className="space-y-3" data-testid="slot-rosters">
          {slots.map((s) => {
            const label = slotLabel(s, activity.timezone, activity.startsAt);
            return (
              <li key={s.id} className="rounded-lg border border-line p-3" data-testid="slot-roster">
                <h3 className="font-semibold">
                  {label} <span className="text-sm font-normal text-muted">· {s.capacity === null ? `${s.going.length} going, no limit` : `${s.going.length} of ${s.capacity} places taken`}</span>
                </h3>
                {s.going.length ? (
                  <p className="text-sm" data-testid="slot-roster-going">Going: {s.going.map((p) => p.name).join(", ")}</p>
                ) : (
                  <p className="text-sm text-muted">Nobody yet.</p>
                )}
                {s.waiting.length ? (
                  <p className="text-sm" data-testid="slot-roster-waiting">Waiting, in order: {s.waiting.map((p) => `#${p.position} ${p.name}`).join(", ")}</p>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
