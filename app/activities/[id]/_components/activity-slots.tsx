import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { Card } from "@/components/ui/card";
import type { PageSlot } from "@/db/queries/slots";
import { formatDay, formatTime } from "@/lib/dates";
import type { UiLocale } from "@/lib/i18n/locales";
import { leaveSlotAction, takeSlotAction } from "./slot-actions";
import { SlotForm } from "./slot-form";

type Translate = Awaited<ReturnType<typeof getTranslations>>;

function placesLine(t: Translate, s: PageSlot): string {
  if (s.capacity === null) return t("noLimit", { going: s.goingCount });
  const left = Math.max(0, s.capacity - s.goingCount);
  if (left > 0 && s.waitlistCount === 0) return t("left", { left, capacity: s.capacity });
  return s.waitlistCount > 0 ? t("fullWaiting", { waiting: s.waitlistCount }) : t("fullOpen");
}

/** A slot's times, with its day when that is not the activity's (lib/validation/slots.ts's slotLabel, in the page's language). */
function slotLabel(t: Translate, slot: { startsAt: Date; endsAt: Date }, zone: string, activityStart: Date, locale: UiLocale): string {
  const times = { start: formatTime(slot.startsAt, zone, locale), end: formatTime(slot.endsAt, zone, locale) };
  return formatDay(activityStart, zone) !== formatDay(slot.startsAt, zone) ? t("dayRange", { day: formatDay(slot.startsAt, zone, locale), ...times }) : t("range", times);
}

/**
 * An activity's time slots, with places left, the viewer's own place and the take and leave
 * buttons. Slots are for members: a visitor is asked to sign in (guests RSVP only to activities
 * without slots). `open` is false once sign-ups have closed, or for someone who may not take part.
 */
export async function ActivitySlots({ activity, slots, signedIn, open }: { activity: { id: string; timezone: string; startsAt: Date }; slots: PageSlot[]; signedIn: boolean; open: boolean }) {
  if (slots.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations("activity.slots"), getLocale() as Promise<UiLocale>]);
  const returnTo = `/activities/${activity.id}`;
  return (
    <Card className="space-y-3" data-testid="activity-slots">
      <h2 className="text-lg font-semibold" id="slots-heading">{t("heading")}</h2>
      <p className="text-sm">{t("intro")}</p>
      {!signedIn ? (
        <p className="text-sm" data-testid="slots-members-only">
          {t.rich("membersOnly", {
            link: (chunks) => (
              <a className="underline" href={`/signin?callbackUrl=${encodeURIComponent(returnTo)}`}>
                {chunks}
              </a>
            ),
          })}
        </p>
      ) : null}
      <ul className="divide-y divide-line" aria-labelledby="slots-heading">
        {slots.map((s) => {
          const label = slotLabel(t, s, activity.timezone, activity.startsAt, locale);
          const full = s.capacity !== null && (s.goingCount >= s.capacity || s.waitlistCount > 0);
          return (
            <li key={s.id} className="space-y-1 py-2" data-testid="slot-row" data-slot-id={s.id} data-mine={s.mine ?? "none"}>
              <p className="font-medium">{label}</p>
              <p className="text-sm" data-testid="slot-places">{placesLine(t, s)}</p>
              {s.mine === "going" ? <p className="text-sm font-semibold" data-testid="slot-mine">{t("mine")}</p> : null}
              {s.mine === "waitlisted" ? <p className="text-sm font-semibold" data-testid="slot-mine">{t("mineWaiting", { position: s.position ?? "?" })}</p> : null}
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
