CREATE TABLE "group_departures" (
	"user_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"left_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_departures_user_id_group_id_pk" PRIMARY KEY("user_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "partner_nudges" (
	"partnership_id" uuid NOT NULL,
	"period_start" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_nudges_partnership_id_period_start_pk" PRIMARY KEY("partnership_id","period_start")
);
--> statement-breakpoint
ALTER TABLE "partnerships" ALTER COLUMN "invitee_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "connection_plans" ADD COLUMN "usual_energy" "energy_level";--> statement-breakpoint
ALTER TABLE "connection_plans" ADD COLUMN "interest_kinds" "activity_kind"[] DEFAULT '{}'::activity_kind[] NOT NULL;--> statement-breakpoint
ALTER TABLE "connection_plans" ADD COLUMN "interest_group_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "weekly_day" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "timezone" text DEFAULT 'Europe/London' NOT NULL;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "invite_code_hash" text;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "rhythm_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "group_departures" ADD CONSTRAINT "group_departures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_departures" ADD CONSTRAINT "group_departures_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_nudges" ADD CONSTRAINT "partner_nudges_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "partnerships_invite_code_key" ON "partnerships" USING btree ("invite_code_hash");--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_weekly_day" CHECK ("partnerships"."weekly_day" between 1 and 7);