CREATE TABLE "data_upgrades" (
	"name" text PRIMARY KEY NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
-- Milestones were recorded when a member's pages were read; now where their facts change. Those
-- already reached but never read are recorded once, at the next start (db/data-upgrades.ts).
INSERT INTO "data_upgrades" ("name") VALUES ('milestones.record-reached') ON CONFLICT DO NOTHING;
