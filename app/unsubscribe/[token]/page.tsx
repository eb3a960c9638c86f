import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EMAIL_TYPES } from "@/lib/email/types";
import { verifyUnsubscribeToken } from "@/lib/email/unsubscribe";
import { unsubscribeAction } from "./actions";

export const metadata: Metadata = { title: "Stop these emails", robots: { index: false } };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string }> };

/**
 * The page an email's "Stop these emails" link opens. Turning the email off takes one press of
 * a button (a POST), so link checkers that open every link in an email change nothing.
 */
export default async function UnsubscribePage({ params, searchParams }: Props) {
  const token = decodeURIComponent((await params).token);
  const target = verifyUnsubscribeToken(token);
  const done = (await searchParams).done === "1";
  if (!target) {
    return (
      <Card className="space-y-2">
        <h1 className="text-2xl font-bold">This link isn&apos;t valid</h1>
        <p>It may have been copied only in part. You can choose which emails you get on your <Link className="underline" href="/account#email">account page</Link>.</p>
      </Card>
    );
  }
  const label = EMAIL_TYPES[target.type].label;
  return (
    <Card className="space-y-3">
      <h1 className="text-2xl font-bold">Stop these emails</h1>
      {done ? (
        <Alert tone="success" testId="unsubscribed" title="Done — you won't get these emails any more.">
          <p>
            Turned off: {label.toLowerCase()}. You&apos;ll still see these notices in the hub. You can turn the emails back on on your{" "}
            <Link className="underline" href="/account#email">account page</Link>.
          </p>
        </Alert>
      ) : (
        <form action={unsubscribeAction} className="space-y-3">
          <p>Stop emails about: <strong>{label.toLowerCase()}</strong>? You&apos;ll still see these notices in the hub.</p>
          <input type="hidden" name="token" value={token} />
          <Button type="submit" data-testid="confirm-unsubscribe">Stop these emails</Button>
        </form>
      )}
    </Card>
  );
}
