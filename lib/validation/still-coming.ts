import { z } from "zod";
import { say, words } from "@/lib/i18n/said";

/** The reminder's two answers. */
export const stillComingPurposeSchema = z.enum(["coming", "free"], words("validation.stillComing.chooseYesImComing"));

/** A still-coming link's token as it may arrive: anything else is not one of ours. */
export const stillComingTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** What a member is told once an answer is recorded. */
export const stillComingDone = {
  coming: "Thanks — the organizers can see you're still coming. See you there!",
  free: "Your place is free now, and the next person waiting has been given it. Thanks for letting us know.",
} as const;
