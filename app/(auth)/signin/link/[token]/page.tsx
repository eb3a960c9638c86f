import type { Metadata } from "next";
import Link from "next/link";
import { PasswordForm } from "@/components/password-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { emailLinkState, SIGN_IN_LINK_MINUTES } from "@/db/mutations/email-links";
import { signInWithLinkAction } from "../../../link-actions";

export const metadata: Metadata = { title: "Sign in with your link", referrer: "no-referrer", robots: { index: false } };

const SAYS = {
  used: { title: "This sign-in link has already been used", body: "Each link works once, so a copy of it cannot sign anyone in." },
  expired: { title: "This sign-in link has expired", body: `Links work for ${SIGN_IN_LINK_MINUTES} minutes.` },
  unknown: { title: "This sign-in link doesn't work", body: "It may have been copied only in part." },
};

/**
 * The page a sign-in link opens. Opening it spends nothing (mail scanners open every link in a
 * message); the button signs in, once. A link that cannot be used says why.
 */
export default async function SignInLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await emailLinkState(token, "sign_in");
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">Sign in</h1>
      <Card className="space-y-3">
        {state === "valid" ? (
          <>
            <p className="text-sm">Press the button to sign in on this device. The link then stops working.</p>
            <PasswordForm action={signInWithLinkAction} testId="link-sign-in" submit="Sign me in" hidden={{ token }} fields={[]} />
          </>
        ) : (
          <Alert tone="error" title={SAYS[state].title} testId={`sign-in-link-${state}`}>
            {SAYS[state].body} <Link className="underline" href="/signin#email-link">Ask for a new link</Link> or sign in with your password.
          </Alert>
        )}
      </Card>
    </div>
  );
}
