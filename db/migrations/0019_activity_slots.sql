-- Time slots (shifts) on an activity: each with its own places and its own waitlist. The counts on
-- a slot row are kept by the slot mutations (db/mutations/slots.ts) under the activity row's lock,
-- as the activity's own counts are by the RSVP mutation; slot_count on the activity says whether
-- it has slots, so deciding an RSVP reads it from the row it already locks.
ALTER TABLE "activities" ADD COLUMN "slot_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE TABLE "activity_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL REFERENCES "activities"("id") ON DELETE cascade,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer,
	"going_count" integer DEFAULT 0 NOT NULL,
	"waitlist_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_slots_capacity_positive" CHECK ("capacity" is null or "capacity" > 0),
	CONSTRAINT "activity_slots_counts_not_negative" CHECK ("going_count" >= 0 and "waitlist_count" >= 0)
);
--> statement-breakpoint
CREATE INDEX "activity_slots_activity_idx" ON "activity_slots" ("activity_id", "starts_at");--> statement-breakpoint
CREATE TABLE "slot_signups" (
	"slot_id" uuid NOT NULL REFERENCES "activity_slots"("id") ON DELETE cascade,
	"activity_id" uuid NOT NULL REFERENCES "activities"("id") ON DELETE cascade,
	"user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE cascade,
	"status" "rsvp_status" NOT NULL,
	"waitlist_seq" bigserial NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "slot_signups_slot_id_user_id_pk" PRIMARY KEY ("slot_id", "user_id"),
	CONSTRAINT "slot_signups_takes_a_place" CHECK ("status" in ('going', 'waitlisted'))
);
--> statement-breakpoint
CREATE INDEX "slot_signups_slot_status_idx" ON "slot_signups" ("slot_id", "status", "waitlist_seq");--> statement-breakpoint
CREATE INDEX "slot_signups_user_idx" ON "slot_signups" ("user_id", "activity_id");
