import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { StillComingForm } from "@/components/still-coming-form";
import { readStillComingLink } from "@/db/mutations/still-coming";
import { formatWhen } from "@/lib/dates";
import type { UiLocale } from "@/lib/i18n/locales";
import { stillComingPurposeSchema, stillComingTokenSchema } from "@/lib/validation/still-coming";
import { spendStillComingLinkAction } from "../../actions";

// The token in the address never leaves the hub in a Referer; "same-origin" (not "no-referrer") keeps the
// Origin header on the page's own form post, which a post without JavaScript needs to be accepted.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("links.stillComing"))("title"), referrer: "same-origin", robots: { index: false, follow: false } };
}

type Props = { params: Promise<{ purpose: string; token: string }>; searchParams?: Promise<{ done?: string | string[] }> };

/**
 * The page a reminder's "Yes, I'm coming" or "Free my place" link opens. Opening it changes
 * nothing (mail scanners open links too): the one button on it does, with a POST.
 */
export default async function StillComingPage({ params, searchParams }: Props) {
  const { purpose: rawPurpose, token } = await params;
  const purpose = stillComingPurposeSchema.safeParse(rawPurpose);
  const done = (await searchParams)?.done === "1";
  const view = purpose.success && stillComingTokenSchema.safeParse(token).success ? await readStillComingLink(token, purpose.data) : { state: "unknown" as const };
  const locale = (await getLocale()) as UiLocale;
  const t = await getTranslations("links.stillComing");
  const activity = view.activity;
  const activityLink = (chunks: ReactNode) =>
    activity ? (
      <Link className="underline" href={`/activities/${activity.id}`}>
        {chunks}
      </Link>
    ) : null;
  const sorry = view.state === "valid" ? "unknown" : view.state;
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {done && view.state === "used" && purpose.success ? (
        <Alert tone="success" testId="still-coming-done" title={t(`doneTitle.${purpose.data}`)}>
          {t(`done.${purpose.data}`)} {activity ? t.rich("theActivity", { title: activity.title, link: activityLink }) : null}
        </Alert>
      ) : view.state !== "valid" || !activity || !purpose.success ? (
        <Alert tone="error" testId="still-coming-sorry" title={t(`sorry.${sorry}.title`)}>
          {t(`sorry.${sorry}.body`)}{" "}
          {activity
            ? t.rich("changeRsvpOn", { title: activity.title, link: activityLink })
            : t.rich("changeRsvpOnPage", {
                link: (chunks) => (
                  <Link className="underline" href="/activities">
                    {chunks}
                  </Link>
                ),
              })}
        </Alert>
      ) : (
        <Card className="space-y-3">
          <p data-testid="still-coming-question">
            {t.rich(`question.${purpose.data}`, { title: activity.title, when: formatWhen(activity.startsAt, activity.timezone, locale), link: activityLink })}
          </p>
          <p className="text-sm text-muted">{t(`explain.${purpose.data}`)}</p>
          <StillComingForm action={spendStillComingLinkAction} hidden={{ token }} purposes={[purpose.data]} testId="still-coming" />
        </Card>
      )}
    </div>
  );
}
