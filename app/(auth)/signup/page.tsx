import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/translations";
import { Card } from "@/components/ui/card";
import { getViewer } from "@/server/auth/session";
import { safeCallbackUrl } from "@/lib/validation/auth";
import { signUpAction } from "../actions";
import { AuthForm } from "../auth-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signUp"))("title") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  const t = await getTranslations("auth.signUp");
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-muted">{t("intro")}</p>
      <Card>
        <AuthForm mode="signup" action={signUpAction} callbackUrl={callbackUrl} />
      </Card>
    </div>
  );
}
