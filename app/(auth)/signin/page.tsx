import type { Metadata } from "next";
import { redirect } from "next/navigation";
import Link from "next/link";
import { PasswordForm } from "@/components/password-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getViewer } from "@/server/auth/session";
import { oidcSettings } from "@/lib/env";
import { safeCallbackUrl } from "@/lib/validation/auth";
import { signInAction } from "../actions";
import { requestSignInLinkAction, signInWithProviderAction } from "../link-actions";
import { AuthForm } from "../auth-form";

export const metadata: Metadata = { title: "Sign in" };

/** Why a single sign-on did not go through, as the person should hear it. */
function singleSignOnProblem(params: Record<string, string | string[] | undefined>, provider: string): string | null {
  if (params.sso === "unverified_email") return `${provider} did not confirm that your email address is verified, so we can't tell which account is yours. Sign in with your email and password, or ask ${provider} to verify your address.`;
  if (params.sso === "suspended") return "The hub's admins have suspended this account, so it can't be used to sign in.";
  if (params.sso || params.error) return `Signing in with ${provider} did not go through, so nothing was changed. Please try again from this page.`;
  return null;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  const sso = oidcSettings();
  const ssoProblem = singleSignOnProblem(params, sso?.name ?? "your organisation");
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">Welcome back</h1>
      {params.problem ? <Alert testId="signin-problem">Signing in did not go through just then. Nothing is wrong with your account: please try again.</Alert> : null}
      {params.reset === "done" ? <Alert tone="success" testId="reset-done">Your password is changed and every other session is signed out. Sign in with the new one.</Alert> : null}
      {ssoProblem ? <Alert tone="error" testId="sso-problem">{ssoProblem}</Alert> : null}
      {sso ? (
        <Card className="space-y-2">
          <PasswordForm action={signInWithProviderAction} testId="sso" submit={`Sign in with ${sso.name}`} hidden={{ callbackUrl }} fields={[]} />
        </Card>
      ) : null}
      <Card className="space-y-3">
        <AuthForm mode="signin" action={signInAction} callbackUrl={callbackUrl} />
        <p className="text-sm"><Link className="underline" href="/forgot-password" data-testid="forgot-link">Forgot your password?</Link></p>
      </Card>
      <Card className="space-y-3" id="email-link">
        <h2 className="text-lg font-semibold">Or sign in with a link</h2>
        <p className="text-sm">We&apos;ll email you a link that signs you in once, without a password.</p>
        <PasswordForm action={requestSignInLinkAction} testId="email-link" submit="Email me a sign-in link" fields={[{ name: "email", label: "Email", type: "email", autoComplete: "email" }]} />
      </Card>
    </div>
  );
}
