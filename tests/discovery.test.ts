import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as listActivitiesRoute } from "@/app/api/activities/route";
import { findPlace, listNeighbourhoods } from "@/db/queries/places";
import { makeActivity, makeGroup } from "./helpers/factories";

/*
 * Finding activities by neighbourhood, near a place or postcode the hub knows, and online or
 * in person, through GET /api/activities (the same filters as the listing page).
 */

const list = async (query: string) => {
  const res = await listActivitiesRoute(new Request(`http://hub.test/api/activities?${query}`));
  return { status: res.status, body: await res.json() };
};

/** A small town of its own per test: unique names, so a shared database does not mix them up. */
async function town() {
  const tag = crypto.randomBytes(3).toString("hex").toUpperCase();
  const group = await makeGroup();
  const riverside = `Riverside ${tag}`;
  const oldMill = `Old Mill ${tag}`;
  const garden = await makeActivity(group.id, { title: "Garden", placeName: "Community Garden", address: `Mill Lane, Q${tag} 4RG`, neighbourhood: riverside, latitude: 53.7962, longitude: -1.5431 });
  const bandstand = await makeActivity(group.id, { title: "Bandstand", placeName: "Bandstand", address: `Riverside Walk, Q${tag} 1RW`, neighbourhood: riverside, latitude: 53.7948, longitude: -1.5402 });
  const hall = await makeActivity(group.id, { title: "Hall", placeName: `Hall ${tag}`, address: `Weaver Street, Q${tag}X 3LT`, neighbourhood: oldMill, latitude: 53.8021, longitude: -1.5512 });
  const far = await makeActivity(group.id, { title: "Far", placeName: "Moor top", address: "", neighbourhood: `Moor ${tag}`, latitude: 53.9, longitude: -1.8 });
  const online = await makeActivity(group.id, { title: "Online", placeName: "", address: "", onlineUrl: "https://meet.example.org/x" });
  const hybrid = await makeActivity(group.id, { title: "Hybrid", placeName: "Library", address: "", onlineUrl: "https://meet.example.org/y" });
  return { tag, group, riverside, oldMill, garden, bandstand, hall, far, online, hybrid };
}

const titles = (body: { activities: { title: string }[] }) => body.activities.map((a) => a.title).sort();

describe("finding activities by place", () => {
  it("lists the neighbourhoods the hub knows, and finds what is in one", async () => {
    const t = await town();
    const hoods = (await listNeighbourhoods()).map((n) => n.label);
    expect(hoods).toEqual(expect.arrayContaining([t.riverside, t.oldMill]));
    const { status, body } = await list(`group=${t.group.slug}&neighbourhood=${encodeURIComponent(t.riverside.toLowerCase())}`);
    expect(status).toBe(200);
    expect(titles(body)).toEqual(["Bandstand", "Garden"]);
  });

  it("with a distance, a neighbourhood is a point: nearby places count and each result says how far", async () => {
    const t = await town();
    const { body } = await list(`group=${t.group.slug}&neighbourhood=${encodeURIComponent(t.riverside)}&km=2`);
    expect(titles(body)).toEqual(["Bandstand", "Garden", "Hall"]);
    for (const a of body.activities) expect(a.distanceKm).toBeLessThanOrEqual(2);
    expect(body.activities.find((a: { title: string }) => a.title === "Hall").distanceKm).toBeGreaterThan(0.5);
  });

  it("searches near a postcode or a place name from the hub's own places", async () => {
    const t = await town();
    const postcode = await list(`group=${t.group.slug}&near=${encodeURIComponent(`q${t.tag} 4rg`)}&km=0.5`);
    expect(postcode.status).toBe(200);
    expect(titles(postcode.body)).toEqual(["Bandstand", "Garden"]);
    const place = await list(`group=${t.group.slug}&near=${encodeURIComponent(`Hall ${t.tag}`)}&km=0.5`);
    expect(titles(place.body)).toEqual(["Hall"]);
    expect(place.body.activities[0].distanceKm).toBe(0);
  });

  it("says plainly when it does not know a place, instead of matching everything", async () => {
    const t = await town();
    const { status, body } = await list(`group=${t.group.slug}&near=Atlantis`);
    expect(status).toBe(400);
    expect(body.error.fields.near).toMatch(/don't know a place called “Atlantis”/);
    expect(await findPlace("Atlantis")).toBeUndefined();
  });

  it("never uses a private group's places to place a search", async () => {
    const tag = crypto.randomBytes(3).toString("hex");
    const secret = await makeGroup({ visibility: "private" });
    await makeActivity(secret.id, { placeName: `Hidden house ${tag}`, neighbourhood: `Secret ${tag}`, latitude: 53.8, longitude: -1.5 });
    expect(await findPlace(`Hidden house ${tag}`)).toBeUndefined();
    expect((await listNeighbourhoods()).map((n) => n.label)).not.toContain(`Secret ${tag}`);
  });
});

describe("online or in person", () => {
  it("filters by how people take part; an activity with a place and a link is both", async () => {
    const t = await town();
    expect(titles((await list(`group=${t.group.slug}&format=online`)).body)).toEqual(["Hybrid", "Online"]);
    expect(titles((await list(`group=${t.group.slug}&format=in_person`)).body)).toEqual(["Bandstand", "Far", "Garden", "Hall", "Hybrid"]);
    const bad = await list(`group=${t.group.slug}&format=telepathy`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.format).toBe("Choose format from: online, in_person.");
  });
});

describe("parameters the API does not know", () => {
  it("answers 400 naming each unknown parameter, instead of ignoring it", async () => {
    const { status, body } = await list("neighborhood=Riverside&colour=green&kind=walk");
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_query");
    expect(body.error.message).toBe("Unknown parameters: neighborhood, colour.");
    expect(Object.keys(body.error.fields)).toEqual(["neighborhood", "colour"]);
    expect(body.error.fields.neighborhood).toMatch(/^neighborhood is not a filter here\. Use: tz, q, kind/);
  });
});
