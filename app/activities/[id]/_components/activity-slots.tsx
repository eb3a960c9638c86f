import { Card } from "@/components/ui/card";
import type { PageSlot } from "@/db/queries/slots";
import { slotLabel } from "@/lib/validation/slots";
import { leaveSlotAction, takeSlotAction } from "./slot-actions";
import { SlotForm } from "./slot-form";

function placesLine(s: PageSlot): string {
  if (s.capacity === null) return `${s.goingCount} going · no limit on places`;
  const left = Math.max(0, s.capacity - s.goingCount);
  if (left > 0 && s.waitlistCount === 0) return `${left} of ${s.capacity} ${s.capacity === 1 ? "place" : "places"} left`;
  return s.waitlistCount > 0 ? `Full · ${s.waitlistCount} waiting` : "Full · its waitlist is open";
}

/**
 * An activity's time slots, with places left, the viewer's own place and the take and leave
 * buttons. Slots are for members: a visitor is asked to sign in (guests RSVP only to activities
 * without slots). `open` is false once sign-ups have closed, or for someone who may not take part.
 */
export function ActivitySlots({ activity, slots, signedIn, open }: { activity: { id: string; timezone: string; startsAt: Date }; slots: PageSlot[]; signedIn: boolean; open: boolean }) {
  if (slots.length === 0) return null;
  const returnTo = `/activities/${activity.id}`;
  return (
    <Card className="space-y-3" data-testid="activity-slots">
      <h2 className="text-lg font-semibold" id="slots-heading">Time slots</h2>
      <p className="text-sm">Take one or more slots. Holding a slot means you&apos;re going; a full slot has its own waitlist.</p>
      {!signedIn ? (
        <p className="text-sm" data-testid="slots-members-only">
          Time slots are for members.{" "}
          <a className="underline" href={`/signin?callbackUrl=${encodeURIComponent(returnTo)}`}>Sign in or join</a> to take one.
        </p>
      ) : null}
      <ul className="divide-y divide-line" aria-labelledby="slots-heading">
        {slots.map((s) => {
          const label = slotLabel(s, activity.timezone, activity.startsAt);
          const full = s.capacity !== null && (s.goingCount >= s.capacity || s.waitlistCount > 0);
          return (
            <li key={s.id} className="space-y-1 py-2" data-testid="slot-row" data-slot-id={s.id} data-mine={s.mine ?? "none"}>
              <p className="font-medium">{label}</p>
              <p className="text-sm" data-testid="slot-places">{placesLine(s)}</p>
              {s.mine === "going" ? <p className="text-sm font-semibold" data-testid="slot-mine">You&apos;re in this slot.</p> : null}
              {s.mine === "waitlisted" ? <p className="text-sm font-semibold" data-testid="slot-mine">You&apos;re number {s.position ?? "?"} on this slot&apos;s waitlist.</p> : null}
              {signedIn && open ? (
                <SlotForm action={s.mine ? leaveSlotAction : takeSlotAction} activityId={activity.id} slotId={s.id} label={label} leaving={Boolean(s.mine)} full={full} />
              ) : null}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
