import type { Metadata } from "next";
import { redirect } from "next/navigation";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getViewer } from "@/server/auth/session";
import { safeCallbackUrl } from "@/lib/validation/auth";
import { signInAction } from "../actions";
import { AuthForm } from "../auth-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">Welcome back</h1>
      {params.problem ? <Alert testId="signin-problem">Signing in did not go through just then. Nothing is wrong with your account: please try again.</Alert> : null}
      {params.reset === "done" ? <Alert tone="success" testId="reset-done">Your password is changed and every other session is signed out. Sign in with the new one.</Alert> : null}
      <Card className="space-y-3">
        <AuthForm mode="signin" action={signInAction} callbackUrl={callbackUrl} />
        <p className="text-sm"><Link className="underline" href="/forgot-password" data-testid="forgot-link">Forgot your password?</Link></p>
      </Card>
    </div>
  );
}
