import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { EmailConfirmationNotice } from "@/components/email-confirmation-notice";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { signOutAction } from "./(auth)/actions";
import { resendConfirmationAction } from "./(auth)/link-actions";
import { ZoneReporter } from "@/components/zone-reporter";
import { ZONE_COOKIE } from "@/server/viewer-zone";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Common Thread", template: "%s · Common Thread" },
  description: "Find volunteer projects, group walks and hobby meetups near you, sized to your energy.",
  icons: { icon: [{ url: "/icon.svg", type: "image/svg+xml" }], apple: "/apple-touch-icon.png" },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f7f5f0" },
    { media: "(prefers-color-scheme: dark)", color: "#14181c" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const reportedZone = (await cookies()).get(ZONE_COOKIE)?.value ?? null;
  return (
    <html lang="en-GB">
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-surface focus:p-2">
          Skip to content
        </a>
        <SiteHeader signOutAction={signOutAction} />
        <EmailConfirmationNotice resendAction={resendConfirmationAction} />
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
          {children}
        </main>
        <SiteFooter />
        <ZoneReporter current={reportedZone} />
      </body>
    </html>
  );
}
