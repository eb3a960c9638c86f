DROP INDEX "activities_starts_at_idx";--> statement-breakpoint
CREATE INDEX "activities_starts_ends_idx" ON "activities" USING btree ("starts_at","ends_at");