ALTER TABLE "groups" ADD COLUMN "guest_rsvps" boolean DEFAULT true NOT NULL;--> statement-breakpoint
CREATE TABLE "guest_rsvps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"email" text NOT NULL,
	"first_name" text NOT NULL,
	"status" "rsvp_status" NOT NULL,
	"waitlist_seq" bigint DEFAULT nextval('rsvps_waitlist_seq_seq') NOT NULL,
	"hold_expires_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"token_nonce" text DEFAULT md5(random()::text || clock_timestamp()::text) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guest_rsvps_held_or_confirmed" CHECK ("guest_rsvps"."confirmed_at" is not null or "guest_rsvps"."hold_expires_at" is not null),
	CONSTRAINT "guest_rsvps_takes_a_place" CHECK ("guest_rsvps"."status" in ('going', 'waitlisted'))
);
--> statement-breakpoint
ALTER TABLE "guest_rsvps" ADD CONSTRAINT "guest_rsvps_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "guest_rsvps_activity_email_key" ON "guest_rsvps" USING btree ("activity_id","email");--> statement-breakpoint
CREATE INDEX "guest_rsvps_activity_status_idx" ON "guest_rsvps" USING btree ("activity_id","status","waitlist_seq");--> statement-breakpoint
CREATE INDEX "guest_rsvps_email_idx" ON "guest_rsvps" USING btree ("email");--> statement-breakpoint
CREATE INDEX "guest_rsvps_hold_idx" ON "guest_rsvps" USING btree ("hold_expires_at") WHERE "guest_rsvps"."confirmed_at" is null;
