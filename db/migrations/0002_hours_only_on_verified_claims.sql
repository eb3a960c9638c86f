-- Volunteer hours belong to verified claims only: an unverified claim carries none, and a
-- verified one always has its hours and the moment it was verified (the task's estimate
-- when none were recorded). Existing rows are brought in line before the rule is added.
UPDATE "task_claims" SET "hours" = NULL WHERE "status" <> 'verified';--> statement-breakpoint
UPDATE "task_claims" c SET "hours" = t."estimated_hours" FROM "tasks" t WHERE t."id" = c."task_id" AND c."status" = 'verified' AND c."hours" IS NULL;--> statement-breakpoint
UPDATE "task_claims" SET "status" = 'done', "verified_at" = NULL, "verified_by_id" = NULL WHERE "status" = 'verified' AND ("hours" IS NULL OR "hours" <= 0);--> statement-breakpoint
UPDATE "task_claims" SET "verified_at" = coalesce("done_at", "created_at") WHERE "status" = 'verified' AND "verified_at" IS NULL;
