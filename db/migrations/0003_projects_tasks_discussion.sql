CREATE TYPE "public"."project_status" AS ENUM('planning', 'active', 'done');--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "edited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "status" "project_status" DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "starts_on" date;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "ends_on" date;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "created_by_id" uuid;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "projects_status_idx" ON "projects" USING btree ("status");--> statement-breakpoint
CREATE INDEX "task_claims_user_verified_idx" ON "task_claims" USING btree ("user_id","verified_at");--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_ends_after_start" CHECK ("projects"."ends_on" is null or "projects"."starts_on" is null or "projects"."ends_on" >= "projects"."starts_on");--> statement-breakpoint
ALTER TABLE "task_claims" ADD CONSTRAINT "task_claims_hours_when_verified" CHECK (("task_claims"."status" = 'verified') = ("task_claims"."hours" is not null and "task_claims"."verified_at" is not null));--> statement-breakpoint
ALTER TABLE "task_claims" ADD CONSTRAINT "task_claims_hours_range" CHECK ("task_claims"."hours" is null or ("task_claims"."hours" > 0 and "task_claims"."hours" <= 1000));