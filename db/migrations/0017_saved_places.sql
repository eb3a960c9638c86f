-- A group's saved places: the places its organizers have used, kept for reuse on the activity
-- form (name, address, neighbourhood, point). They sit beside known_places (migration 0013)
-- rather than extend it: known_places are the hub's public places, counted from public
-- activities by triggers and offered to every group; a saved place belongs to one group and is
-- offered to that group's organizers alone, so a private group's places never reach another group.
CREATE TABLE "saved_places" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"neighbourhood" text DEFAULT '' NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_places_point_whole" CHECK (("latitude" IS NULL) = ("longitude" IS NULL)),
	CONSTRAINT "saved_places_named" CHECK ("name" <> '' OR "address" <> '')
);
--> statement-breakpoint
ALTER TABLE "saved_places" ADD CONSTRAINT "saved_places_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "saved_places_group_place_idx" ON "saved_places" USING btree ("group_id","name","address");
--> statement-breakpoint
CREATE INDEX "saved_places_group_used_idx" ON "saved_places" USING btree ("group_id","last_used_at" DESC);
--> statement-breakpoint
-- Every group keeps the places of its own existing activities (the latest use of each, with a
-- point when any of them had one): a group's places go to that group only, so this is safe for
-- private groups too. A moderator's hidden activities are left out.
INSERT INTO "saved_places" ("group_id", "name", "address", "neighbourhood", "latitude", "longitude", "created_at", "last_used_at")
SELECT DISTINCT ON (a."group_id", a."place_name", a."address")
	a."group_id", a."place_name", a."address", coalesce(a."neighbourhood", ''), a."latitude", a."longitude", a."created_at", least(a."starts_at", now())
FROM "activities" a
WHERE a."hidden_at" IS NULL AND (a."place_name" <> '' OR a."address" <> '')
ORDER BY a."group_id", a."place_name", a."address", (a."latitude" IS NULL), a."starts_at" DESC;
