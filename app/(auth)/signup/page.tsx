import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { getViewer } from "@/server/auth/session";
import { safeCallbackUrl } from "@/lib/validation/auth";
import { signUpAction } from "../actions";
import { AuthForm } from "../auth-form";

export const metadata: Metadata = { title: "Join Common Thread" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">Join Common Thread</h1>
      <p className="text-muted">Find small, regular things to do with others — at whatever energy you have today.</p>
      <Card>
        <AuthForm mode="signup" action={signUpAction} callbackUrl={callbackUrl} />
      </Card>
    </div>
  );
}
