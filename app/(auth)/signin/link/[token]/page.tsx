import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";
import { PasswordForm } from "@/components/password-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { emailLinkState, SIGN_IN_LINK_MINUTES } from "@/db/mutations/email-links";
import { signInWithLinkAction } from "../../../link-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signInLink"))("title"), referrer: "no-referrer", robots: { index: false } };
}

/**
 * The page a sign-in link opens. Opening it spends nothing (mail scanners open every link in a
 * message); the button signs in, once. A link that cannot be used says why.
 */
export default async function SignInLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await emailLinkState(token, "sign_in");
  const t = await getTranslations("auth.signInLink");
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <Card className="space-y-3">
        {state === "valid" ? (
          <>
            <p className="text-sm">{t("intro")}</p>
            <PasswordForm action={signInWithLinkAction} testId="link-sign-in" submit={t("submit")} hidden={{ token }} fields={[]} />
          </>
        ) : (
          <Alert tone="error" title={t(`${state}.title`)} testId={`sign-in-link-${state}`}>
            {t.rich(`${state}.body`, { minutes: SIGN_IN_LINK_MINUTES, link: (chunks) => <Link className="underline" href="/signin#email-link">{chunks}</Link> })}
          </Alert>
        )}
      </Card>
    </div>
  );
}
