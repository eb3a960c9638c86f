import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createActivity, updateActivity } from "@/db/mutations/activities";
import { listPlaceChoices } from "@/db/queries/saved-places";
import { activities, savedPlaces } from "@/db/schema";
import { activityInputSchema, activityToFormValues } from "@/lib/validation/activity";
import { placeChoiceValue, readPlaceChoice } from "@/lib/validation/place-choice";
import { organizedGroup } from "./helpers/connection";
import { makeActivity } from "./helpers/factories";

/*
 * The activity form's place picker: a group's places are saved for reuse, offered to that
 * group's organizers only, and the hub's public places to every group; a place is picked
 * without coordinates ever being typed. Each test names its own places.
 */

const tag = () => crypto.randomBytes(3).toString("hex");
const day = () => new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);

function input(extra: Record<string, unknown>) {
  return activityInputSchema.parse({ kind: "walk", title: "A walk", startsLocal: `${day()}T10:00`, endsLocal: `${day()}T11:00`, timezone: "Europe/London", energyLevel: "low", talkLevel: "quiet", ...extra });
}

describe("the place picker", () => {
  it("a new place is saved for the group, with its neighbourhood and pin, and offered first next time", async () => {
    const t = tag();
    const { organizer, group } = await organizedGroup();
    const made = await createActivity(organizer, group.id, input({ placeName: `Lock 4 bench ${t}`, address: "Canal towpath, MB3 2CT", neighbourhood: "Canalside", latitude: "53.8", longitude: "-1.55" }));
    expect(made).toMatchObject({ ok: true });
    const { offered } = await listPlaceChoices(group.id);
    expect(offered[0]).toMatchObject({ name: `Lock 4 bench ${t}`, address: "Canal towpath, MB3 2CT", neighbourhood: "Canalside", lat: 53.8, lng: -1.55, from: "group" });
    const db = await getDb();
    const [row] = await db.select().from(activities).where(eq(activities.id, made.ok ? made.data.id : ""));
    expect(row.neighbourhood).toBe("Canalside");
  });

  it("a saved place picked by its value alone (no JavaScript) gives the activity its name, address and point", async () => {
    const t = tag();
    const { organizer, group } = await organizedGroup();
    await createActivity(organizer, group.id, input({ placeName: `Boathouse ${t}`, address: "1 River Row, MB2 9ZZ", latitude: "53.79", longitude: "-1.54" }));
    const place = (await listPlaceChoices(group.id)).offered.find((p) => p.name === `Boathouse ${t}`)!;
    const made = await createActivity(organizer, group.id, input({ place: place.value }));
    if (!made.ok) throw new Error(made.message);
    const db = await getDb();
    const [row] = await db.select().from(activities).where(eq(activities.id, made.data.id));
    expect(row).toMatchObject({ placeName: `Boathouse ${t}`, address: "1 River Row, MB2 9ZZ", latitude: 53.79, longitude: -1.54 });
  });

  it("a private group's places are never offered to, found by, or usable by another group", async () => {
    const t = tag();
    const secret = await organizedGroup({ visibility: "private" });
    const other = await organizedGroup();
    await createActivity(secret.organizer, secret.group.id, input({ placeName: `Quiet room ${t}`, address: `7 Hidden Lane, MB9 ${t}`, latitude: "53.81", longitude: "-1.56" }));
    const own = (await listPlaceChoices(secret.group.id, `Quiet room ${t}`)).found!;
    expect(own.map((p) => p.name)).toEqual([`Quiet room ${t}`]);
    // Not the hub's place, not another group's: found by name, by postcode, or offered.
    expect((await listPlaceChoices(other.group.id, `Quiet room ${t}`)).found).toEqual([]);
    expect((await listPlaceChoices(other.group.id, `MB9 ${t}`)).found).toEqual([]);
    expect((await listPlaceChoices(other.group.id)).offered.some((p) => p.name === `Quiet room ${t}`)).toBe(false);
    // Its id, sent by another group's organizer, is refused as a place not offered.
    const stolen = await createActivity(other.organizer, other.group.id, input({ place: own[0].value }));
    expect(stolen).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { place: expect.stringContaining("not one of the places offered") } });
    // Nor can a made-up hub key name it.
    const guessed = await createActivity(other.organizer, other.group.id, input({ place: placeChoiceValue({ kind: "hub", neighbourhood: "", name: `Quiet room ${t}`, address: `7 Hidden Lane, MB9 ${t}` }) }));
    expect(guessed).toMatchObject({ ok: false, fieldErrors: { place: expect.any(String) } });
  });

  it("a public group's places are the hub's: another group finds them by postcode and picks them", async () => {
    const t = tag();
    const pub = await organizedGroup();
    const other = await organizedGroup();
    await makeActivity(pub.group.id, { placeName: `Bandstand ${t}`, address: `Riverside Walk, MB2 ${t}`, neighbourhood: "Riverside", latitude: 53.7948, longitude: -1.5402 });
    const found = (await listPlaceChoices(other.group.id, `MB2 ${t}`)).found!;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ name: `Bandstand ${t}`, from: "hub", lat: 53.7948, lng: -1.5402 });
    expect(readPlaceChoice(found[0].value)).toMatchObject({ kind: "hub", name: `Bandstand ${t}` });
    const made = await createActivity(other.organizer, other.group.id, input({ place: found[0].value }));
    if (!made.ok) throw new Error(made.message);
    // Now the other group's own place too.
    expect((await listPlaceChoices(other.group.id)).offered[0]).toMatchObject({ name: `Bandstand ${t}`, from: "group" });
  });

  it("an edit that keeps the place keeps its point; a place moved takes the new point", async () => {
    const t = tag();
    const { organizer, group } = await organizedGroup();
    const made = await createActivity(organizer, group.id, input({ placeName: `Gate ${t}`, latitude: "53.7", longitude: "-1.5" }));
    if (!made.ok) throw new Error(made.message);
    const db = await getDb();
    const [row] = await db.select().from(activities).where(eq(activities.id, made.data.id));
    await updateActivity(organizer, row.id, activityInputSchema.parse({ ...activityToFormValues(row), title: "Renamed" }));
    const [kept] = await db.select().from(activities).where(eq(activities.id, row.id));
    expect(kept).toMatchObject({ title: "Renamed", latitude: 53.7, longitude: -1.5 });
    await updateActivity(organizer, row.id, activityInputSchema.parse({ ...activityToFormValues(kept), latitude: "53.71", longitude: "-1.51" }));
    const [saved] = await db.select().from(savedPlaces).where(eq(savedPlaces.groupId, group.id));
    expect(saved).toMatchObject({ name: `Gate ${t}`, latitude: 53.71, longitude: -1.51 });
  });

  it("a picked value that names no place is a clear field error, not a failure", () => {
    for (const bad of ["saved:not-a-uuid", "hub:%%%", "elsewhere:1", "hub:" + "A".repeat(2000)]) {
      const parsed = activityInputSchema.safeParse({ kind: "walk", title: "A walk", startsLocal: `${day()}T10:00`, endsLocal: `${day()}T11:00`, timezone: "Europe/London", energyLevel: "low", talkLevel: "quiet", place: bad });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.find((i) => i.path[0] === "place")?.message).toMatch(/Choose one of the places offered/);
    }
  });
});

describe("places of activities that existed before saved places", () => {
  it("each group keeps its own activities' places, the latest point of each, and nothing of another group's", async () => {
    const t = tag();
    const { rememberPlacesOfActivities } = await import("@/db/mutations/saved-places");
    const secret = await organizedGroup({ visibility: "private" });
    const other = await organizedGroup();
    await makeActivity(secret.group.id, { placeName: `Snug ${t}`, address: "2 Close, MB4", latitude: 53.1, longitude: -1.1, startsInHours: -48 });
    await makeActivity(secret.group.id, { placeName: `Snug ${t}`, address: "2 Close, MB4", latitude: 53.2, longitude: -1.2, startsInHours: 24 });
    await makeActivity(secret.group.id, { placeName: "", address: "", onlineUrl: "https://example.org/call" });
    const db = await getDb();
    await db.transaction((tx) => rememberPlacesOfActivities(tx));
    const own = await db.select().from(savedPlaces).where(eq(savedPlaces.groupId, secret.group.id));
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ name: `Snug ${t}`, latitude: 53.2, longitude: -1.2 });
    expect((await listPlaceChoices(other.group.id, `Snug ${t}`)).found).toEqual([]);
  });
});
