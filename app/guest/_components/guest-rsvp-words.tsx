import Link from "next/link";
import type { ReactNode } from "react";
import type { GuestView } from "@/db/mutations/guest-rsvps";
import { formatWhen } from "@/lib/dates";
import type { UiLocale } from "@/lib/i18n/locales";

/** What both guest pages' sentence about an RSVP names: the guest, the activity (its title and a link to it) and when it is. */
export function guestRsvpWords(view: GuestView, locale: UiLocale) {
  return {
    name: view.firstName,
    title: view.activity.title,
    when: formatWhen(view.activity.startsAt, view.activity.timezone, locale),
    link: (chunks: ReactNode) => (
      <Link className="underline" href={`/activities/${view.activity.id}`}>
        {chunks}
      </Link>
    ),
  };
}
