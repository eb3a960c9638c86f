import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { ActionResult } from "@/lib/action-result";
import type { ActivityFacts, ActivityInput } from "@/lib/validation/activity";
import { readPlaceChoice } from "@/lib/validation/place-choice";
import type { Db } from "../client";
import { knownPlaces, savedPlaces } from "../schema";
import { say } from "@/lib/i18n/said";

/*
 * The places behind the activity form's place picker. A place picked from the list is read
 * here, inside the activity's own transaction and after the organizer has been authorized for
 * the group: one of this group's saved places, or one of the hub's public places (known_places).
 * Another group's saved place is never found, whatever id is sent.
 */

type Refusal = Extract<ActionResult<never>, { ok: false }>;

const notOffered = (): Refusal => ({
  ok: false,
  code: "invalid_input",
  message: say("errors.refusals.savedPlaces.checkPlace"),
  fieldErrors: { place: say("errors.refusals.savedPlaces.notOffered") },
});

/** The input with the picked place's name, address, neighbourhood and point, or a refusal. */
export async function withPickedPlace(tx: Db, groupId: string, input: ActivityInput): Promise<ActivityInput | Refusal> {
  if (!input.place) return input;
  const choice = readPlaceChoice(input.place);
  if (!choice) return notOffered();
  if (choice.kind === "saved") {
    const [p] = await tx.select().from(savedPlaces).where(and(eq(savedPlaces.id, choice.id), eq(savedPlaces.groupId, groupId)));
    if (!p) return notOffered();
    return { ...input, placeName: p.name, address: p.address, neighbourhood: p.neighbourhood, latitude: p.latitude ?? undefined, longitude: p.longitude ?? undefined };
  }
  const k = knownPlaces;
  const [p] = await tx
    .select({ lat: sql<number>`(${k.latitudeSum} / ${k.activityCount})::float8`, lng: sql<number>`(${k.longitudeSum} / ${k.activityCount})::float8` })
    .from(k)
    .where(and(eq(k.neighbourhood, choice.neighbourhood), eq(k.placeName, choice.name), eq(k.address, choice.address)));
  if (!p) return notOffered();
  return { ...input, placeName: choice.name, address: choice.address, neighbourhood: choice.neighbourhood, latitude: Number(p.lat), longitude: Number(p.lng) };
}

/**
 * Keeps the place an activity of the group was given among the group's saved places, for the
 * next time: a new one is added, a known one is marked as used now (and takes the newer point).
 */
export async function rememberPlace(tx: Db, groupId: string, facts: Pick<ActivityFacts, "placeName" | "address" | "neighbourhood" | "latitude" | "longitude">): Promise<void> {
  if (!facts.placeName && !facts.address) return;
  const point = facts.latitude !== null && facts.longitude !== null;
  await tx
    .insert(savedPlaces)
    .values({ groupId, name: facts.placeName, address: facts.address, neighbourhood: facts.neighbourhood ?? "", latitude: point ? facts.latitude : null, longitude: point ? facts.longitude : null })
    .onConflictDoUpdate({
      target: [savedPlaces.groupId, savedPlaces.name, savedPlaces.address],
      set: {
        lastUsedAt: sql`now()`,
        neighbourhood: sql`case when excluded.neighbourhood <> '' then excluded.neighbourhood else ${savedPlaces.neighbourhood} end`,
        latitude: sql`coalesce(excluded.latitude, ${savedPlaces.latitude})`,
        longitude: sql`case when excluded.latitude is null then ${savedPlaces.longitude} else excluded.longitude end`,
      },
    });
}

/**
 * Saves the places of activities written without the activity form (the demo town's seed, a
 * bulk load), as migration 0017 did for the activities that existed then. Each group gets its
 * own activities' places only.
 */
export async function rememberPlacesOfActivities(tx: Db): Promise<void> {
  await tx.execute(sql`
    insert into saved_places (group_id, name, address, neighbourhood, latitude, longitude, last_used_at)
    select distinct on (a.group_id, a.place_name, a.address)
      a.group_id, a.place_name, a.address, coalesce(a.neighbourhood, ''), a.latitude, a.longitude, least(a.starts_at, now())
    from activities a
    where a.hidden_at is null and (a.place_name <> '' or a.address <> '')
    order by a.group_id, a.place_name, a.address, (a.latitude is null), a.starts_at desc
    on conflict (group_id, name, address) do nothing`);
}
