import { z } from "zod";
import { say, words } from "@/lib/i18n/said";

/** The reminder's two answers. */
export const stillComingPurposeSchema = z.enum(["coming", "free"], words("validation.stillComing.chooseYesImComing"));

/** A still-coming link's token as it may arrive: anything else is not one of ours. */
export const stillComingTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

