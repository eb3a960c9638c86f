import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import type { SlotRoster } from "@/db/queries/slots";
import type { UiLocale } from "@/lib/i18n/locales";
import { slotLabel, slotsToText } from "@/lib/validation/slots";
import { setSlotsAction } from "./slot-actions";
import { SlotsEditor } from "./slots-editor";

/**
 * The organizer's time slots: the lines to change them, then who holds each slot and who waits
 * for it, in line order. A slot someone holds or waits for cannot be removed, and its places
 * cannot go below the number going: the form refuses and says which slot.
 */
export async function SlotsSection({ activity, slots, canChange }: { activity: { id: string; startsAt: Date; endsAt: Date; timezone: string }; slots: SlotRoster[]; canChange: boolean }) {
  const text = slotsToText(slots, activity);
  const [t, locale] = await Promise.all([getTranslations("organize.slots"), getLocale() as Promise<UiLocale>]);
  return (
    <section aria-labelledby="slots-section-heading" className="space-y-3" data-testid="organize-slots">
      <h2 id="slots-section-heading" className="text-xl font-semibold">{t("heading", { count: slots.length })}</h2>
      <p className="text-sm text-muted">{t("intro")}</p>
      {canChange ? <SlotsEditor action={setSlotsAction} activityId={activity.id} current={text} /> : null}
      {slots.length ? (
        <ul className="space-y-3" data-testid="slot-rosters">
          {slots.map((s) => {
            const label = slotLabel(s, activity.timezone, activity.startsAt, locale);
            return (
              <li key={s.id} className="rounded-lg border border-line p-3" data-testid="slot-roster">
                <h3 className="font-semibold">
                  {label} <span className="text-sm font-normal text-muted">{s.capacity === null ? t("goingNoLimit", { going: s.going.length }) : t("placesTaken", { going: s.going.length, capacity: s.capacity })}</span>
                </h3>
                {s.going.length ? (
                  <p className="text-sm" data-testid="slot-roster-going">{t("going", { names: s.going.map((p) => p.name).join(", ") })}</p>
                ) : (
                  <p className="text-sm text-muted">{t("nobody")}</p>
                )}
                {s.waiting.length ? (
                  <p className="text-sm" data-testid="slot-roster-waiting">{t("waiting", { list: s.waiting.map((p) => t("waitingOne", { position: p.position, name: p.name })).join(", ") })}</p>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
