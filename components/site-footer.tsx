import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { LOCALES } from "@/lib/i18n/locales";

/** The hub's footer; the layout hands it the language picker's action. */
export async function SiteFooter({ chooseLanguageAction }: { chooseLanguageAction: (form: FormData) => Promise<void> }) {
  const t = await getTranslations("common");
  const locale = await getLocale();
  return (
    <footer className="mt-12 border-t border-line bg-surface">
      <div className="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-6 text-sm text-muted sm:flex-row sm:flex-wrap sm:items-center sm:justify-between">
        <p>{t("footer.tagline")}</p>
        <p>
          {t("footer.hardTime")}{" "}
          <Link href="/help" className="font-semibold text-ink underline" data-testid="footer-help">
            {t("footer.helpLink")}
          </Link>
        </p>
        {/* A plain form, so the language can be changed without JavaScript. */}
        <form action={chooseLanguageAction} className="flex items-center gap-2" data-testid="language-picker">
          <label htmlFor="footer-language">{t("language.label")}</label>
          <select id="footer-language" name="locale" defaultValue={locale} className="rounded-md border border-line bg-surface px-2 py-1 text-ink">
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
          <button type="submit" className="rounded-md border border-line px-3 py-1 font-semibold text-ink hover:bg-brand-soft" data-testid="language-submit">
            {t("language.change")}
          </button>
        </form>
      </div>
    </footer>
  );
}
