import "server-only";
import { and, desc, eq, or, sql } from "drizzle-orm";
import { placeChoiceValue, type PlaceChoices, type PlaceOption } from "@/lib/validation/place-choice";
import { getDb } from "../client";
import { knownPlaces, savedPlaces } from "../schema";

/*
 * What the activity form's place picker offers a group's organizers: the group's own saved
 * places (any group, private ones included, sees only its own) and the hub's public places
 * (known_places: the places of public activities, never a private group's). The caller has
 * already checked that the viewer organizes the group.
 */

const OFFERED = 8;
const FOUND = 10;
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

async function groupPlaces(groupId: string, pattern: string | null, limit: number): Promise<PlaceOption[]> {
  const db = await getDb();
  const p = savedPlaces;
  const rows = await db
    .select()
    .from(p)
    .where(and(eq(p.groupId, groupId), pattern ? or(sql`${p.name} ilike ${pattern}`, sql`${p.address} ilike ${pattern}`, sql`${p.neighbourhood} ilike ${pattern}`) : undefined))
    .orderBy(desc(p.lastUsedAt), p.name)
    .limit(limit);
  return rows.map((r) => ({ value: placeChoiceValue({ kind: "saved", id: r.id }), name: r.name, address: r.address, neighbourhood: r.neighbourhood, lat: r.latitude, lng: r.longitude, from: "group" }));
}

async function hubPlaces(pattern: string | null, limit: number): Promise<PlaceOption[]> {
  const db = await getDb();
  const k = knownPlaces;
  const rows = await db
    .select({
      neighbourhood: k.neighbourhood,
      name: k.placeName,
      address: k.address,
      lat: sql<number>`(${k.latitudeSum} / ${k.activityCount})::float8`,
      lng: sql<number>`(${k.longitudeSum} / ${k.activityCount})::float8`,
    })
    .from(k)
    .where(pattern ? or(sql`${k.placeName} ilike ${pattern}`, sql`${k.address} ilike ${pattern}`, sql`${k.neighbourhood} ilike ${pattern}`) : undefined)
    .orderBy(desc(k.activityCount), k.placeName)
    .limit(limit);
  return rows.map((r) => ({
    value: placeChoiceValue({ kind: "hub", neighbourhood: r.neighbourhood, name: r.name, address: r.address }),
    name: r.name,
    address: r.address,
    neighbourhood: r.neighbourhood,
    lat: Number(r.lat),
    lng: Number(r.lng),
    from: "hub",
  }));
}

/** The group's places first; a hub place the group has saved already is not offered twice. */
function merge(own: PlaceOption[], hub: PlaceOption[], limit: number): PlaceOption[] {
  const seen = new Set(own.map((p) => `${p.name}\u0000${p.address}`));
  return [...own, ...hub.filter((p) => !seen.has(`${p.name}\u0000${p.address}`))].slice(0, limit);
}

/** The places the picker offers a group's organizers, and those matching `query` when one is given. */
export async function listPlaceChoices(groupId: string, query?: string): Promise<PlaceChoices> {
  const wanted = query?.trim().replace(/\s+/g, " ") ?? "";
  const [own, hub] = await Promise.all([groupPlaces(groupId, null, OFFERED), hubPlaces(null, OFFERED)]);
  const offered = merge(own, hub, OFFERED * 2);
  if (!wanted) return { offered, found: null };
  const pattern = `%${likeEscape(wanted)}%`;
  const [ownFound, hubFound] = await Promise.all([groupPlaces(groupId, pattern, FOUND), hubPlaces(pattern, FOUND)]);
  return { offered, found: merge(ownFound, hubFound, FOUND) };
}
