CREATE INDEX "activities_project_starts_at_idx" ON "activities" USING btree ("project_id","starts_at") WHERE "activities"."project_id" is not null;--> statement-breakpoint
CREATE INDEX "check_ins_author_idx" ON "check_ins" USING btree ("author_id","created_at");--> statement-breakpoint
CREATE INDEX "reflections_user_idx" ON "reflections" USING btree ("user_id","created_at");--> statement-breakpoint
-- Within a date range the listing matches words row by row on coalesce(search, ''), which keeps
-- it off the word index (db/queries/activities.ts). Statistics on that expression let PostgreSQL
-- judge how many rows a word matches ("walk" matches every group walk), so it joins groups by
-- their key rather than reading every group for each activity, as it did when it guessed one row.
CREATE STATISTICS "activities_search_words_stats" ON (coalesce("search", ''::tsvector)) FROM "activities";
