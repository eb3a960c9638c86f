import "server-only";
import { asc, sql, type Column, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import { knownNeighbourhoods, knownPlaces } from "../schema";
import { say } from "@/lib/i18n/said";

/*
 * The places the hub knows are the places of its own public activities: their
 * neighbourhoods, names, addresses (with postcodes) and coordinates. "Near" searches and the
 * neighbourhood choice are answered from these alone; no outside geocoder is asked, so
 * what someone searches for never leaves the hub. Private groups' places are never used.
 */

export interface KnownPlace {
  /** What the listing says the distance is from ("Riverside", "MB2 4RG"). */
  label: string;
  lat: number;
  lng: number;
}

/*
 * The neighbourhood list is read on every listing. It is a read of a few dozen rows of
 * known_neighbourhoods, kept exact by the database itself (migration 0013), but one process still
 * keeps it for at most a minute so that a visitor's listing stays at two statements. The writes
 * that change it (an activity created or edited; a group made private; a moderator's hide or
 * restore) forget it at once, so the person who acted sees it fresh; another instance sees it
 * within the minute.
 */
const KNOWN_PLACES_FRESH_MS = 60_000;
const memo = globalThis as unknown as { __ctNeighbourhoods?: { at: number; value: Promise<KnownPlace[]> } };

/** Drops this process's copy of the neighbourhood list; the next read computes it again. */
export function forgetKnownPlaces(): void {
  memo.__ctNeighbourhoods = undefined;
}

/** The neighbourhoods of public activities, each with its middle (the mean of its places), A–Z. */
export async function listNeighbourhoods(): Promise<KnownPlace[]> {
  const held = memo.__ctNeighbourhoods;
  if (held && Date.now() - held.at < KNOWN_PLACES_FRESH_MS) return held.value;
  const value = readNeighbourhoods();
  memo.__ctNeighbourhoods = { at: Date.now(), value };
  // A failed read is never kept: the next request asks the database again.
  value.catch(() => {
    if (memo.__ctNeighbourhoods?.value === value) forgetKnownPlaces();
  });
  return value;
}

/** A middle: the sum of the coordinates over the number of activities. */
const mean = (sum: Column | SQL, count: Column | SQL) => sql<number>`(${sum} / ${count})::float8`;

async function readNeighbourhoods(): Promise<KnownPlace[]> {
  const db = await getDb();
  const n = knownNeighbourhoods;
  const rows = await db
    .select({ label: n.name, lat: mean(n.latitudeSum, n.activityCount), lng: mean(n.longitudeSum, n.activityCount) })
    .from(n)
    .orderBy(asc(n.name));
  return rows.map((r) => ({ label: r.label, lat: Number(r.lat), lng: Number(r.lng) }));
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A postcode, part of one ("MB2"), a neighbourhood or a place name, as a point: the middle
 * of the public places that match (a neighbourhood by its name, then places by name or
 * address). Undefined when the hub knows no such place.
 */
export async function findPlace(text: string): Promise<KnownPlace | undefined> {
  const wanted = text.trim().replace(/\s+/g, " ");
  if (!wanted) return undefined;
  const hood = (await listNeighbourhoods()).find((n) => n.label.toLowerCase() === wanted.toLowerCase());
  if (hood) return hood;
  const db = await getDb();
  const pattern = `%${likeEscape(wanted)}%`;
  // Every known place is read (a town has hundreds, not the activities' hundred thousand).
  const p = knownPlaces;
  const n = sql<number>`sum(${p.activityCount})`;
  const [row] = await db
    .select({ n, lat: mean(sql`sum(${p.latitudeSum})`, n), lng: mean(sql`sum(${p.longitudeSum})`, n) })
    .from(p)
    .where(sql`(${p.placeName} ilike ${pattern} or ${p.address} ilike ${pattern})`);
  if (!row || Number(row.n) === 0) return undefined;
  return { label: wanted, lat: Number(row.lat), lng: Number(row.lng) };
}

/**
 * Turns the listing's place filters into a point: `near` (a postcode or place) or, with a
 * distance, `neighbourhood`. Coordinates given as lat/lng (the browser's "near me") win.
 * A neighbourhood without a distance stays a plain "in this neighbourhood" filter. A place
 * the hub does not know comes back as an error for that parameter, and is left out.
 */
export async function locateFilters<F extends { lat?: number; lng?: number; km?: number; near?: string; neighbourhood?: string }>(
  f: F,
): Promise<{ filters: F; from: string | null; errors: Record<string, string> }> {
  if (f.lat !== undefined && f.lng !== undefined) return { filters: f, from: "your location", errors: {} };
  if (f.near) {
    const place = await findPlace(f.near);
    if (!place) {
      return { filters: { ...f, near: undefined, km: f.neighbourhood ? f.km : undefined }, from: null, errors: { near: say("errors.refusals.places.unknownPlace", { place: f.near }) } };
    }
    return { filters: { ...f, lat: place.lat, lng: place.lng, neighbourhood: undefined }, from: place.label, errors: {} };
  }
  if (f.neighbourhood) {
    const hood = (await listNeighbourhoods()).find((n) => n.label.toLowerCase() === f.neighbourhood!.toLowerCase());
    if (!hood) return { filters: { ...f, neighbourhood: undefined, km: undefined }, from: null, errors: { neighbourhood: say("errors.refusals.places.chooseNeighbourhood") } };
    if (f.km !== undefined) return { filters: { ...f, lat: hood.lat, lng: hood.lng, neighbourhood: undefined }, from: hood.label, errors: {} };
    return { filters: { ...f, neighbourhood: hood.label }, from: null, errors: {} };
  }
  return { filters: f, from: null, errors: {} };
}
