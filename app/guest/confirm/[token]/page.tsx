import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { readGuestLink } from "@/db/mutations/guest-rsvps";
import { formatWhen } from "@/lib/dates";
import type { UiLocale } from "@/lib/i18n/locales";
import { guestTokenSchema } from "@/lib/validation/guest-rsvp";
import { confirmGuestRsvpAction } from "../../actions";
import { GuestLinkForm } from "../../_components/guest-link-form";

// The token in the address never leaves the hub in a Referer; "same-origin" (not "no-referrer") keeps the
// Origin header on the page's own form posts, which a post without JavaScript needs to be accepted.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("guest.confirm"))("title"), referrer: "same-origin", robots: { index: false, follow: false } };
}

/** The confirmation link's page: it shows what is held and a button; only the button's POST confirms. */
export default async function ConfirmGuestRsvpPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const view = guestTokenSchema.safeParse(token).success ? await readGuestLink("confirm", token) : null;
  const locale = (await getLocale()) as UiLocale;
  const t = await getTranslations("guest.confirm");
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <Card className="space-y-3">
        {view === null ? (
          <Alert tone="error" title={t("expired.title")} testId="guest-link-expired">
            {t.rich("expired.body", {
              link: (chunks) => (
                <Link className="underline" href="/activities">
                  {chunks}
                </Link>
              ),
            })}
          </Alert>
        ) : (
          <>
            <p data-testid="guest-confirm-what">
              {t.rich("what", {
                name: view.firstName,
                state: view.place.confirmed ? "confirmed" : view.place.status === "waitlisted" ? "waitlisted" : "held",
                title: view.activity.title,
                when: formatWhen(view.activity.startsAt, view.activity.timezone, locale),
                link: (chunks) => (
                  <Link className="underline" href={`/activities/${view.activity.id}`}>
                    {chunks}
                  </Link>
                ),
              })}
            </p>
            {view.place.confirmed ? null : <GuestLinkForm action={confirmGuestRsvpAction} token={token} submit={t("submit")} testId="guest-confirm" />}
          </>
        )}
      </Card>
    </div>
  );
}
