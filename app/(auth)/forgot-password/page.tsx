import type { Metadata } from "next";
import Link from "next/link";
import { PasswordForm } from "@/components/password-form";
import { Card } from "@/components/ui/card";
import { requestPasswordResetAction } from "../password-actions";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">Forgot your password?</h1>
      <Card className="space-y-3">
        <p className="text-sm">Tell us the email you signed up with and we&apos;ll send a link to choose a new password.</p>
        <PasswordForm action={requestPasswordResetAction} testId="forgot-form" submit="Send me a link" fields={[{ name: "email", label: "Email", type: "email", autoComplete: "email" }]} />
        <p className="text-sm text-muted"><Link className="underline" href="/signin">Back to sign in</Link></p>
      </Card>
    </div>
  );
}
