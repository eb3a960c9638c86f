-- Walk-ins: someone who turned up without an RSVP, recorded by an organizer from the start.
-- A member who walks in gets an RSVP marked attended (so participation and milestones count it);
-- these two columns say so, and what their answer was before, so a mistake can be undone.
ALTER TABLE "rsvps" ADD COLUMN "walked_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rsvps" ADD COLUMN "status_before_walk_in" "rsvp_status";--> statement-breakpoint
-- Someone without an account, by first name only: seen by the group's organizers alone.
CREATE TABLE "walk_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL REFERENCES "activities"("id") ON DELETE cascade,
	"first_name" text NOT NULL,
	"recorded_by_id" uuid REFERENCES "users"("id") ON DELETE set null,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "walk_ins_activity_idx" ON "walk_ins" ("activity_id");--> statement-breakpoint
CREATE INDEX "walk_ins_recorded_by_idx" ON "walk_ins" ("recorded_by_id") WHERE "recorded_by_id" is not null;
