import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { say } from "@/lib/i18n/said";

/** The language picker: one of the hub's languages, or "" for "as my browser asks". */
export const languageSchema = z.object({
  locale: z.enum(["", ...LOCALES], { error: () => say("validation.language.choose") }),
});
