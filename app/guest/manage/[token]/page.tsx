import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { AlertWithLink } from "@/components/alert-with-link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { readGuestLink } from "@/db/mutations/guest-rsvps";
import type { UiLocale } from "@/lib/i18n/locales";
import { guestTokenSchema } from "@/lib/validation/guest-rsvp";
import { cancelGuestRsvpAction, renameGuestRsvpAction } from "../../actions";
import { GuestLinkForm } from "../../_components/guest-link-form";
import { guestRsvpWords } from "../../_components/guest-rsvp-words";

// The token in the address never leaves the hub in a Referer; "same-origin" (not "no-referrer") keeps the
// Origin header on the page's own form posts, which a post without JavaScript needs to be accepted.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("guest.manage"))("title"), referrer: "same-origin", robots: { index: false, follow: false } };
}

type Props = { params: Promise<{ token: string }>; searchParams?: Promise<{ done?: string | string[] }> };

/** A guest's private page for one RSVP: where they stand, a new first name, or cancel (each a POST). */
export default async function ManageGuestRsvpPage({ params, searchParams }: Props) {
  const { token } = await params;
  const confirmed = (await searchParams)?.done === "confirmed";
  const view = guestTokenSchema.safeParse(token).success ? await readGuestLink("manage", token) : null;
  const locale = (await getLocale()) as UiLocale;
  const t = await getTranslations("guest.manage");
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {view === null ? (
        <AlertWithLink title={t("expired.title")} testId="guest-link-expired" href="/activities" body={(link) => t.rich("expired.body", { link })} />
      ) : !view.place.confirmed ? (
        <AlertWithLink title={t("unconfirmed.title")} testId="guest-link-unconfirmed" href={`/activities/${view.activity.id}`} body={(link) => t.rich("unconfirmed.body", { link })} />
      ) : (
        <>
          {confirmed ? (
            <Alert tone="success" testId="guest-confirmed">
              {t("confirmed")}
            </Alert>
          ) : null}
          <Card className="space-y-3">
            <p data-testid="guest-manage-state" data-status={view.place.status}>
              {t.rich(view.place.status === "going" ? "going" : "waitlisted", { ...guestRsvpWords(view, locale), position: view.place.position ?? "?" })}
            </p>
            <p className="text-sm text-muted">{t("private")}</p>
          </Card>
          <Card className="space-y-3">
            <h2 className="text-lg font-semibold">{t("rename")}</h2>
            <GuestLinkForm action={renameGuestRsvpAction} token={token} submit={t("save")} testId="guest-rename" variant="secondary" nameField={{ defaultValue: view.firstName }} />
          </Card>
          <Card className="space-y-3">
            <h2 className="text-lg font-semibold">{t("cantCome")}</h2>
            <p className="text-sm">{t("cancelExplain")}</p>
            <GuestLinkForm action={cancelGuestRsvpAction} token={token} submit={t("cancel")} testId="guest-cancel" variant="secondary" />
          </Card>
        </>
      )}
    </div>
  );
}
