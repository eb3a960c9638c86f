-- Pictures: a cover for an activity, a group or a project, or a member's photo. Exactly one
-- owner column is set; the row (and so the picture) goes with what it belongs to. The files
-- themselves live under UPLOADS_DIR, named by the row's id; a file whose row is gone is removed.
CREATE TABLE "uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid REFERENCES "activities"("id") ON DELETE cascade,
	"group_id" uuid REFERENCES "groups"("id") ON DELETE cascade,
	"project_id" uuid REFERENCES "projects"("id") ON DELETE cascade,
	"user_id" uuid REFERENCES "users"("id") ON DELETE cascade,
	"uploaded_by_id" uuid REFERENCES "users"("id") ON DELETE set null,
	"alt" text DEFAULT '' NOT NULL,
	"widths" integer[] NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "uploads_one_owner" CHECK (num_nonnulls("activity_id", "group_id", "project_id", "user_id") = 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "uploads_activity_key" ON "uploads" ("activity_id") WHERE "activity_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "uploads_group_key" ON "uploads" ("group_id") WHERE "group_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "uploads_project_key" ON "uploads" ("project_id") WHERE "project_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "uploads_user_key" ON "uploads" ("user_id") WHERE "user_id" is not null;--> statement-breakpoint
CREATE INDEX "uploads_uploaded_by_idx" ON "uploads" ("uploaded_by_id") WHERE "uploaded_by_id" is not null;--> statement-breakpoint
-- The activity's named host: an organizer of its group, the creator until someone else is chosen.
ALTER TABLE "activities" ADD COLUMN "host_id" uuid REFERENCES "users"("id") ON DELETE set null;--> statement-breakpoint
UPDATE "activities" SET "host_id" = "created_by_id" WHERE "host_id" is null;--> statement-breakpoint
CREATE INDEX "activities_host_idx" ON "activities" ("host_id") WHERE "host_id" is not null;--> statement-breakpoint
-- "Ask the organizers": a private thread between one member and one group's organizers.
CREATE TABLE "questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL REFERENCES "groups"("id") ON DELETE cascade,
	"activity_id" uuid REFERENCES "activities"("id") ON DELETE set null,
	"asker_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE cascade,
	"subject" text NOT NULL,
	"last_message_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "questions_group_idx" ON "questions" ("group_id", "last_message_at");--> statement-breakpoint
CREATE INDEX "questions_asker_idx" ON "questions" ("asker_id", "last_message_at");--> statement-breakpoint
CREATE TABLE "question_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"question_id" uuid NOT NULL REFERENCES "questions"("id") ON DELETE cascade,
	"author_id" uuid REFERENCES "users"("id") ON DELETE set null,
	"from_organizers" boolean NOT NULL,
	"body" text NOT NULL,
	"hidden_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "question_messages_question_idx" ON "question_messages" ("question_id", "created_at");--> statement-breakpoint
CREATE INDEX "question_messages_author_idx" ON "question_messages" ("author_id") WHERE "author_id" is not null;--> statement-breakpoint
ALTER TYPE "report_target" ADD VALUE 'question';
