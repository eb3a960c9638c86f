import { getTranslations } from "@/lib/i18n/translations";
import { PasswordForm, type PasswordFormState } from "@/components/password-form";
import { getViewer } from "@/server/auth/session";

/**
 * A gentle notice for a member whose email is not confirmed yet: where they stand, and a button
 * to send the link again. The layout hands it the action, which lives with the other link actions.
 */
export async function EmailConfirmationNotice({ resendAction }: { resendAction: (prev: PasswordFormState, data: FormData) => Promise<PasswordFormState> }) {
  const viewer = await getViewer();
  if (!viewer || viewer.emailConfirmed) return null;
  const t = await getTranslations("links.confirmNotice");
  return (
    <section aria-label={t("label")} className="border-b border-line bg-brand-soft" data-testid="email-unconfirmed">
      <div className="mx-auto max-w-5xl space-y-2 px-4 py-3 text-sm">
        <p>{t.rich("body", { email: viewer.email, strong: (chunks) => <strong>{chunks}</strong> })}</p>
        <PasswordForm action={resendAction} testId="resend-confirmation" submit={t("submit")} fields={[]} />
      </div>
    </section>
  );
}
