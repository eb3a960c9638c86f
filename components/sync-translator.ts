import type { ReactNode } from "react";
import { sharedTranslator } from "@/lib/i18n/catalog";
import type { UiLocale } from "@/lib/i18n/locales";

/** A translator with rich text, made without awaiting the request: for server components also rendered on their own (tests). */
export interface SyncTranslator {
  (key: string, values?: Record<string, string | number | Date>): string;
  rich(key: string, values?: Record<string, string | number | Date | ((chunks: ReactNode) => ReactNode)>): ReactNode;
}

export function syncTranslator(locale: UiLocale, namespace: string): SyncTranslator {
  // Typed loosely on purpose, like lib/i18n/catalog.ts's translator: keys are checked by tests/unit/catalogs.test.ts.
  return sharedTranslator(locale, namespace) as unknown as SyncTranslator;
}
