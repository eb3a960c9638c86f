import type { Metadata } from "next";
import Link from "next/link";
import { PasswordForm } from "@/components/password-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { resetLinkIsValid } from "@/db/mutations/passwords";
import { resetPasswordAction } from "../../password-actions";

export const metadata: Metadata = { title: "Choose a new password", referrer: "same-origin" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const valid = token.length >= 20 && token.length <= 200 && (await resetLinkIsValid(token));
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">Choose a new password</h1>
      <Card className="space-y-3">
        {valid ? (
          <>
            <p className="text-sm">After this, you&apos;ll be signed out everywhere, and any API tokens stop working. Sign in again with the new password.</p>
            <PasswordForm action={resetPasswordAction} testId="reset-form" submit="Save my new password" hidden={{ token }} fields={[{ name: "password", label: "New password", type: "password", autoComplete: "new-password", hint: "At least 10 characters." }]} />
          </>
        ) : (
          <Alert tone="error" title="This reset link doesn't work any more" testId="reset-link-invalid">
            Links work once, for an hour. <Link className="underline" href="/forgot-password">Ask for a new one</Link>.
          </Alert>
        )}
      </Card>
    </div>
  );
}
