ALTER TABLE "groups" ADD COLUMN "invite_code" text;--> statement-breakpoint
CREATE UNIQUE INDEX "groups_invite_code_key" ON "groups" USING btree ("invite_code");--> statement-breakpoint
-- Private groups that exist already get a code of their own, so their old slug-only link stops letting people in.
UPDATE "groups" SET "invite_code" = replace(gen_random_uuid()::text, '-', '') WHERE "visibility" = 'private' AND "invite_code" IS NULL;
