import { z } from "zod";
import { plainText } from "./text";
import { say, words } from "@/lib/i18n/said";

/*
 * Reports and moderation decisions: the shared shapes of the report form and of the
 * moderation queues' buttons.
 */

export const REPORT_TARGETS = ["activity", "project", "comment", "group", "member", "question"] as const;
export type ReportTargetType = (typeof REPORT_TARGETS)[number];

/** The short list a reporter chooses from; the words they see for each are in the catalogs (`reasons.<key>`). */
export const REPORT_REASONS = { unsafe: true, harassment: true, spam: true, substances: true, other: true } as const;
export type ReportReason = keyof typeof REPORT_REASONS;
const reasonKeys = Object.keys(REPORT_REASONS) as [ReportReason, ...ReportReason[]];

export const REPORT_NOTE_MAX = 1_000;
export const DECISION_NOTE_MAX = 300;

const optionalText = (max: number, message: { error: () => string }) =>
  z.preprocess((v) => (v === null || v === undefined ? "" : v), z.string().overwrite(plainText).trim().max(max, message));

export const reportInputSchema = z.object({
  targetType: z.enum(REPORT_TARGETS, words("validation.report.couldntTellWhatReporting")),
  targetId: z.uuid(words("validation.report.couldntTellWhatReporting")),
  reason: z.enum(reasonKeys, words("validation.report.chooseReasonFitsBest")),
  note: optionalText(REPORT_NOTE_MAX, words("validation.reportNote.tooLong", { max: REPORT_NOTE_MAX })),
});
export type ReportInput = z.infer<typeof reportInputSchema>;

/**
 * What a moderator can decide. "hide" applies to activities, projects, comments and groups;
 * "remove" and "ban" to the reported member's place in the report's group; "suspend" to the
 * reported member's account, and only admins may choose it.
 */
export const OUTCOMES = ["dismiss", "hide", "remove", "ban", "suspend"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const decisionSchema = z.object({
  reportId: z.uuid(words("validation.report.couldntFindReport")),
  outcome: z.enum(OUTCOMES, words("validation.report.chooseWhatDoAbout")),
  note: optionalText(DECISION_NOTE_MAX, words("validation.reportNote.tooLong", { max: DECISION_NOTE_MAX })).pipe(
    z.string().min(1, words("validation.report.writeShortNoteWhy")),
  ),
});
export type DecisionInput = z.infer<typeof decisionSchema>;

export const restoreSchema = z.object({
  reportId: z.uuid(words("validation.report.couldntFindReport")),
});
