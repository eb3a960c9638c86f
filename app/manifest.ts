import type { MetadataRoute } from "next";
import { translator } from "@/lib/i18n/catalog";
import { languageTag } from "@/lib/i18n/locales";
import { currentLocale } from "@/server/request-locale";

/**
 * The web app manifest (/manifest.webmanifest): lets a phone add the hub to its home screen with
 * its icon, named and described in the language its pages are in. Reading the request makes the
 * route dynamic (a manifest made at build time would be one language for everyone); Next sends it
 * with `max-age=0, must-revalidate`, so a kept copy is asked for again. A browser fetches it
 * without cookies, so it is mostly Accept-Language that chooses.
 */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const locale = await currentLocale();
  const t = translator(locale, "common.site");
  return {
    name: t("name"),
    short_name: t("name"),
    description: t("description"),
    lang: languageTag(locale),
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#f7f5f0",
    theme_color: "#2f6b4f",
    icons: [
      { src: "/icon.svg", type: "image/svg+xml", sizes: "any" },
      { src: "/icon-192.png", type: "image/png", sizes: "192x192" },
      { src: "/icon-512.png", type: "image/png", sizes: "512x512" },
    ],
  };
}
