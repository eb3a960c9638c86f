import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { getViewer } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/validation/auth";
import { signInAction } from "../actions";
import { AuthForm } from "../auth-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">Welcome back</h1>
      <Card>
        <AuthForm mode="signin" action={signInAction} callbackUrl={callbackUrl} />
      </Card>
    </div>
  );
}
