"use server";

import { cookies } from "next/headers";
import { setMemberLocale } from "@/db/mutations/profile";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from "@/lib/i18n/locales";
import { languageSchema } from "@/lib/validation/language";
import { defineFormAction } from "@/server/action";
import { getViewer } from "@/server/auth/session";

/**
 * The language picker (the footer, the account page): anyone may choose. The choice is kept in
 * a cookie on this browser and, for a signed-in member, as their setting, which also decides the
 * language of their emails, calendar text and notifications. "" goes back to the browser's language.
 */
export const chooseLanguageAction = defineFormAction({
  read: (form) => ({ locale: form.get("locale") }),
  input: languageSchema,
  run: async ({ locale }) => {
    const viewer = await getViewer();
    if (viewer) await setMemberLocale(viewer.id, locale === "" ? null : locale);
    const jar = await cookies();
    if (locale === "") jar.delete(LOCALE_COOKIE);
    else jar.set(LOCALE_COOKIE, locale, { path: "/", maxAge: LOCALE_COOKIE_MAX_AGE, sameSite: "lax", httpOnly: true });
  },
});
