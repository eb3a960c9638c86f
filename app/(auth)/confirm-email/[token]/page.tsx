import type { Metadata } from "next";
import Link from "next/link";
import { PasswordForm } from "@/components/password-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { emailLinkState } from "@/db/mutations/email-links";
import { confirmEmailAction, sendNewConfirmationLinkAction } from "../../link-actions";

export const metadata: Metadata = { title: "Confirm your email", referrer: "no-referrer", robots: { index: false } };

/**
 * The page a confirmation link opens. Opening it changes nothing (mail scanners open every link
 * in a message); one press of the button confirms. A link that no longer works says why, and
 * offers a fresh one when the email still needs confirming.
 */
export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await emailLinkState(token, "verify");
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">Confirm your email</h1>
      <Card className="space-y-3">
        {state === "valid" ? (
          <>
            <p className="text-sm">One press and your email is confirmed: then we can send you reminders and news about what you join.</p>
            <PasswordForm action={confirmEmailAction} testId="confirm-email" submit="Confirm my email" hidden={{ token }} fields={[]} />
          </>
        ) : state === "unknown" ? (
          <Alert tone="error" title="This link doesn't work" testId="confirm-link-invalid">
            It may have been copied only in part, or the email is confirmed already. <Link className="underline" href="/account">Your account page</Link> says where you stand.
          </Alert>
        ) : (
          <>
            <Alert tone="error" title={state === "used" ? "This link has already been used" : "This link has expired"} testId={`confirm-link-${state}`}>
              {state === "used" ? "Each link works once." : "Links work for two days."} If your email still needs confirming, we can send a new link to the same address.
            </Alert>
            <PasswordForm action={sendNewConfirmationLinkAction} testId="confirm-resend" submit="Send me a new link" hidden={{ token }} fields={[]} />
          </>
        )}
      </Card>
    </div>
  );
}
