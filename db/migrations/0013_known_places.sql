CREATE TABLE "known_neighbourhoods" (
	"name" text PRIMARY KEY NOT NULL,
	"activity_count" integer NOT NULL,
	"latitude_sum" numeric NOT NULL,
	"longitude_sum" numeric NOT NULL
);
--> statement-breakpoint
CREATE TABLE "known_places" (
	"neighbourhood" text NOT NULL,
	"place_name" text NOT NULL,
	"address" text NOT NULL,
	"activity_count" integer NOT NULL,
	"latitude_sum" numeric NOT NULL,
	"longitude_sum" numeric NOT NULL,
	CONSTRAINT "known_places_neighbourhood_place_name_address_pk" PRIMARY KEY("neighbourhood","place_name","address")
);
--> statement-breakpoint
-- The places the hub knows are counted from the activities that show them: public ones (not
-- hidden, in a public group that is not hidden) with coordinates, cancelled or not, as the
-- listing always counted them. Triggers on activities and groups keep the counts in the same
-- transaction as the write that changes them, whichever code path makes it (an organizer's edit,
-- a moderator's hide, a group made private); each write touches only the places it moves.
CREATE TYPE "known_place_change" AS (
	"neighbourhood" text,
	"place_name" text,
	"address" text,
	"activity_count" integer,
	"latitude_sum" numeric,
	"longitude_sum" numeric
);
--> statement-breakpoint
-- Adds changes (a count and the sums of coordinates, negative to take places away); a place or
-- neighbourhood left with no activity goes. Rows are written in key order, places before
-- neighbourhoods, so two writes moving activities between the same places in opposite
-- directions wait for each other instead of deadlocking.
CREATE FUNCTION "known_places_apply"("changes" "known_place_change"[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "known_places" AS k ("neighbourhood", "place_name", "address", "activity_count", "latitude_sum", "longitude_sum")
		SELECT c."neighbourhood", c."place_name", c."address", sum(c."activity_count"), sum(c."latitude_sum"), sum(c."longitude_sum")
		FROM unnest(changes) c
		GROUP BY c."neighbourhood", c."place_name", c."address"
		ORDER BY c."neighbourhood", c."place_name", c."address"
		ON CONFLICT ("neighbourhood", "place_name", "address") DO UPDATE SET
			"activity_count" = k."activity_count" + excluded."activity_count",
			"latitude_sum" = k."latitude_sum" + excluded."latitude_sum",
			"longitude_sum" = k."longitude_sum" + excluded."longitude_sum";
	DELETE FROM "known_places" k USING unnest(changes) c
		WHERE k."neighbourhood" = c."neighbourhood" AND k."place_name" = c."place_name" AND k."address" = c."address" AND k."activity_count" <= 0;
	INSERT INTO "known_neighbourhoods" AS k ("name", "activity_count", "latitude_sum", "longitude_sum")
		SELECT c."neighbourhood", sum(c."activity_count"), sum(c."latitude_sum"), sum(c."longitude_sum")
		FROM unnest(changes) c
		WHERE c."neighbourhood" <> ''
		GROUP BY c."neighbourhood"
		ORDER BY c."neighbourhood"
		ON CONFLICT ("name") DO UPDATE SET
			"activity_count" = k."activity_count" + excluded."activity_count",
			"latitude_sum" = k."latitude_sum" + excluded."latitude_sum",
			"longitude_sum" = k."longitude_sum" + excluded."longitude_sum";
	DELETE FROM "known_neighbourhoods" k USING unnest(changes) c
		WHERE k."name" = c."neighbourhood" AND k."activity_count" <= 0;
END $$;
--> statement-breakpoint
-- Whether a group's places are public. The group is locked for share, whatever its state: a
-- change to its visibility at the same moment waits for this write (and then counts this
-- activity with the rest of the group's), or this write waits for it (and then sees the result).
CREATE FUNCTION "known_places_group_is_public"(uuid) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
	shown boolean;
BEGIN
	SELECT g."hidden_at" IS NULL AND g."visibility" = 'public' INTO shown FROM "groups" g WHERE g."id" = $1 FOR SHARE;
	RETURN coalesce(shown, false);
END $$;
--> statement-breakpoint
-- An activity added, changed or deleted: what its old row counted is taken away, what its new row
-- counts is added (an edit that keeps its place changes only the sums, or nothing).
CREATE FUNCTION "known_places_follow_activity"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	changes "known_place_change"[] := '{}';
BEGIN
	IF TG_OP <> 'INSERT' AND OLD."hidden_at" IS NULL AND OLD."latitude" IS NOT NULL AND OLD."longitude" IS NOT NULL
		AND "known_places_group_is_public"(OLD."group_id") THEN
		changes := changes || ROW(coalesce(OLD."neighbourhood", ''), OLD."place_name", OLD."address", -1, -OLD."latitude"::numeric, -OLD."longitude"::numeric)::"known_place_change";
	END IF;
	IF TG_OP <> 'DELETE' AND NEW."hidden_at" IS NULL AND NEW."latitude" IS NOT NULL AND NEW."longitude" IS NOT NULL
		AND "known_places_group_is_public"(NEW."group_id") THEN
		changes := changes || ROW(coalesce(NEW."neighbourhood", ''), NEW."place_name", NEW."address", 1, NEW."latitude"::numeric, NEW."longitude"::numeric)::"known_place_change";
	END IF;
	IF cardinality(changes) > 0 THEN
		PERFORM "known_places_apply"(changes);
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "activities_known_places_insert_delete" AFTER INSERT OR DELETE ON "activities"
	FOR EACH ROW EXECUTE FUNCTION "known_places_follow_activity"();
--> statement-breakpoint
-- Only writes that change what is counted: an RSVP's new going count never gets here.
CREATE TRIGGER "activities_known_places_update" AFTER UPDATE OF "group_id", "hidden_at", "neighbourhood", "place_name", "address", "latitude", "longitude" ON "activities"
	FOR EACH ROW
	WHEN ((OLD."group_id", OLD."hidden_at", OLD."neighbourhood", OLD."place_name", OLD."address", OLD."latitude", OLD."longitude")
		IS DISTINCT FROM (NEW."group_id", NEW."hidden_at", NEW."neighbourhood", NEW."place_name", NEW."address", NEW."latitude", NEW."longitude"))
	EXECUTE FUNCTION "known_places_follow_activity"();
--> statement-breakpoint
-- A group made private or hidden takes its activities' places away; shown again, it brings them
-- back. Its activities are read through their group's index.
CREATE FUNCTION "known_places_follow_group"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	direction integer := CASE WHEN TG_OP = 'UPDATE' AND NEW."hidden_at" IS NULL AND NEW."visibility" = 'public' THEN 1 ELSE -1 END;
BEGIN
	PERFORM "known_places_apply"(ARRAY(
		SELECT ROW(coalesce(a."neighbourhood", ''), a."place_name", a."address", direction * count(*)::integer,
			direction * sum(a."latitude"::numeric), direction * sum(a."longitude"::numeric))::"known_place_change"
		FROM "activities" a
		WHERE a."group_id" = OLD."id" AND a."hidden_at" IS NULL AND a."latitude" IS NOT NULL AND a."longitude" IS NOT NULL
		GROUP BY coalesce(a."neighbourhood", ''), a."place_name", a."address"));
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "groups_known_places_update" AFTER UPDATE OF "visibility", "hidden_at" ON "groups"
	FOR EACH ROW
	WHEN ((OLD."hidden_at" IS NULL AND OLD."visibility" = 'public') IS DISTINCT FROM (NEW."hidden_at" IS NULL AND NEW."visibility" = 'public'))
	EXECUTE FUNCTION "known_places_follow_group"();
--> statement-breakpoint
-- Before the row goes: the activities deleted with it go afterwards, when their group can no
-- longer be read.
CREATE TRIGGER "groups_known_places_delete" BEFORE DELETE ON "groups"
	FOR EACH ROW
	WHEN (OLD."hidden_at" IS NULL AND OLD."visibility" = 'public')
	EXECUTE FUNCTION "known_places_follow_group"();
--> statement-breakpoint
-- Counts every place afresh: once here, and after a bulk load that ran without triggers
-- (bench/seed.ts).
CREATE FUNCTION "known_places_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM "known_places";
	DELETE FROM "known_neighbourhoods";
	PERFORM "known_places_apply"(ARRAY(
		SELECT ROW(coalesce(a."neighbourhood", ''), a."place_name", a."address", count(*)::integer,
			sum(a."latitude"::numeric), sum(a."longitude"::numeric))::"known_place_change"
		FROM "activities" a
		JOIN "groups" g ON g."id" = a."group_id"
		WHERE a."hidden_at" IS NULL AND a."latitude" IS NOT NULL AND a."longitude" IS NOT NULL AND g."hidden_at" IS NULL AND g."visibility" = 'public'
		GROUP BY coalesce(a."neighbourhood", ''), a."place_name", a."address"));
END $$;
--> statement-breakpoint
SELECT "known_places_rebuild"();
