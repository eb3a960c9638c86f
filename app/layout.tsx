import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import type { ReactNode } from "react";
import { EmailConfirmationNotice } from "@/components/email-confirmation-notice";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { signOutAction } from "./(auth)/actions";
import { resendConfirmationAction } from "./(auth)/link-actions";
import { chooseLanguageAction } from "./language-actions";
import { ServiceWorker } from "@/components/service-worker";
import { ZoneReporter } from "@/components/zone-reporter";
import { getViewer } from "@/server/auth/session";
import { ZONE_COOKIE } from "@/server/viewer-zone";
import { clientMessages } from "@/lib/i18n/catalog";
import { languageTag, type UiLocale } from "@/lib/i18n/locales";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common.site");
  return {
    title: { default: t("name"), template: t("titleTemplate") },
    description: t("description"),
    icons: { icon: [{ url: "/icon.svg", type: "image/svg+xml" }], apple: "/apple-touch-icon.png" },
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f7f5f0" },
    { media: "(prefers-color-scheme: dark)", color: "#14181c" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const reportedZone = (await cookies()).get(ZONE_COOKIE)?.value ?? null;
  const locale = (await getLocale()) as UiLocale;
  const t = await getTranslations("common.site");
  const viewer = await getViewer();
  return (
    <html lang={languageTag(locale)}>
      {/* data-viewer: whose page this is, read by the service worker (public/sw.js) to keep "My week" for its member alone. */}
      <body className="flex min-h-screen flex-col" data-viewer={viewer?.id ?? ""}>
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-surface focus:p-2">
          {t("skipToContent")}
        </a>
        {/* Client components read only the catalog namespaces meant for them (lib/i18n/catalog.ts). */}
        <NextIntlClientProvider locale={locale} messages={clientMessages(locale)}>
        <SiteHeader signOutAction={signOutAction} />
        <EmailConfirmationNotice resendAction={resendConfirmationAction} />
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
          {children}
        </main>
        <SiteFooter chooseLanguageAction={chooseLanguageAction} />
        <ZoneReporter current={reportedZone} />
        <ServiceWorker viewer={viewer?.id ?? ""} language={locale === "es" ? "es" : "en"} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
