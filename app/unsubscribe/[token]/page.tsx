import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "@/lib/i18n/translations";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { verifyUnsubscribeToken } from "@/lib/email/unsubscribe";
import { unsubscribeAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("links.unsubscribe"))("title"), robots: { index: false } };
}

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string }> };

/**
 * The page an email's "Stop these emails" link opens. Turning the email off takes one press of
 * a button (a POST), so link checkers that open every link in an email change nothing.
 */
export default async function UnsubscribePage({ params, searchParams }: Props) {
  const token = decodeURIComponent((await params).token);
  const target = verifyUnsubscribeToken(token);
  const done = (await searchParams).done === "1";
  const t = await getTranslations("links.unsubscribe");
  const accountLink = (chunks: ReactNode) => (
    <Link className="underline" href="/account#email">
      {chunks}
    </Link>
  );
  if (!target) {
    return (
      <Card className="space-y-2">
        <h1 className="text-2xl font-bold">{t("invalid.title")}</h1>
        <p>{t.rich("invalid.body", { link: accountLink })}</p>
      </Card>
    );
  }
  const kind = t(`kinds.${target.type}`);
  return (
    <Card className="space-y-3">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {done ? (
        <Alert tone="success" testId="unsubscribed" title={t("done.title")}>
          <p>{t.rich("done.body", { kind, link: accountLink })}</p>
        </Alert>
      ) : (
        <form action={unsubscribeAction} className="space-y-3">
          <p>{t.rich("ask", { kind, strong: (chunks) => <strong>{chunks}</strong> })}</p>
          <input type="hidden" name="token" value={token} />
          <Button type="submit" data-testid="confirm-unsubscribe">{t("submit")}</Button>
        </form>
      )}
    </Card>
  );
}
