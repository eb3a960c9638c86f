import type { Metadata } from "next";
import { redirect } from "next/navigation";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";
import { PasswordForm } from "@/components/password-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getViewer } from "@/server/auth/session";
import { oidcSettings } from "@/lib/env";
import { safeCallbackUrl } from "@/lib/validation/auth";
import { signInAction } from "../actions";
import { requestSignInLinkAction, signInWithProviderAction } from "../link-actions";
import { AuthForm } from "../auth-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signIn"))("title") };
}

type T = Awaited<ReturnType<typeof getTranslations>>;

/** Why a single sign-on did not go through, as the person should hear it. */
function singleSignOnProblem(t: T, params: Record<string, string | string[] | undefined>, provider: string | undefined): string | null {
  if (params.sso === "unverified_email") return provider ? t("sso.unverified", { provider }) : t("sso.unverifiedOrganisation");
  if (params.sso === "suspended") return t("sso.suspended");
  if (params.sso || params.error) return provider ? t("sso.failed", { provider }) : t("sso.failedOrganisation");
  return null;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  const t = await getTranslations("auth.signIn");
  const sso = oidcSettings();
  const ssoProblem = singleSignOnProblem(t, params, sso?.name);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      {params.problem ? <Alert testId="signin-problem">{t("problem")}</Alert> : null}
      {params.reset === "done" ? <Alert tone="success" testId="reset-done">{t("resetDone")}</Alert> : null}
      {ssoProblem ? <Alert tone="error" testId="sso-problem">{ssoProblem}</Alert> : null}
      {sso ? (
        <Card className="space-y-2">
          <PasswordForm action={signInWithProviderAction} testId="sso" submit={t("sso.submit", { provider: sso.name })} hidden={{ callbackUrl }} fields={[]} />
        </Card>
      ) : null}
      <Card className="space-y-3">
        <AuthForm mode="signin" action={signInAction} callbackUrl={callbackUrl} />
        <p className="text-sm"><Link className="underline" href="/forgot-password" data-testid="forgot-link">{t("forgot")}</Link></p>
      </Card>
      <Card className="space-y-3" id="email-link">
        <h2 className="text-lg font-semibold">{t("link.heading")}</h2>
        <p className="text-sm">{t("link.intro")}</p>
        <PasswordForm action={requestSignInLinkAction} testId="email-link" submit={t("link.submit")} fields={[{ name: "email", label: t("email"), type: "email", autoComplete: "email" }]} />
      </Card>
    </div>
  );
}
