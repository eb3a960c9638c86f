ALTER TABLE "activities" ADD COLUMN "former_attended" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "former_no_show" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "former_verified_places" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "former_verified_hours" numeric(8, 2) DEFAULT '0' NOT NULL;