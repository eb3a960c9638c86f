-- Questions on RSVP: an activity's few questions (short text, one choice, yes/no), asked of members
-- when they say they're going. The answers sit on the member's own RSVP, so they go with it.
ALTER TABLE "activities" ADD COLUMN "rsvp_questions" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "rsvps" ADD COLUMN "answers" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
-- "Still coming?": when the member said yes from the day-before reminder.
ALTER TABLE "rsvps" ADD COLUMN "still_coming_at" timestamp with time zone;--> statement-breakpoint
-- The reminder's one-click links: one per RSVP and purpose, only the SHA-256 of the token kept,
-- each working once until the activity starts. A withdrawn RSVP takes its links with it.
CREATE TABLE "rsvp_links" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"activity_id" uuid NOT NULL,
	"user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE cascade,
	"purpose" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rsvp_links_rsvp_fk" FOREIGN KEY ("activity_id", "user_id") REFERENCES "rsvps"("activity_id", "user_id") ON DELETE cascade,
	CONSTRAINT "rsvp_links_purpose" CHECK ("purpose" in ('coming', 'free'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "rsvp_links_rsvp_purpose_key" ON "rsvp_links" ("activity_id", "user_id", "purpose");--> statement-breakpoint
CREATE INDEX "rsvp_links_user_idx" ON "rsvp_links" ("user_id");
