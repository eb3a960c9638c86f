import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { AlertWithLink } from "@/components/alert-with-link";
import { Card } from "@/components/ui/card";
import { readGuestLink } from "@/db/mutations/guest-rsvps";
import type { UiLocale } from "@/lib/i18n/locales";
import { guestTokenSchema } from "@/lib/validation/guest-rsvp";
import { confirmGuestRsvpAction } from "../../actions";
import { GuestLinkForm } from "../../_components/guest-link-form";
import { guestRsvpWords } from "../../_components/guest-rsvp-words";

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
          <AlertWithLink title={t("expired.title")} testId="guest-link-expired" href="/activities" body={(link) => t.rich("expired.body", { link })} />
        ) : (
          <>
            <p data-testid="guest-confirm-what">
              {t.rich("what", { ...guestRsvpWords(view, locale), state: view.place.confirmed ? "confirmed" : view.place.status === "waitlisted" ? "waitlisted" : "held" })}
            </p>
            {view.place.confirmed ? null : <GuestLinkForm action={confirmGuestRsvpAction} token={token} submit={t("submit")} testId="guest-confirm" />}
          </>
        )}
      </Card>
    </div>
  );
}
