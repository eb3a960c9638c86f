import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { POST as cancelRoute } from "@/app/api/activities/[id]/cancel/route";
import { PATCH as patchRoute } from "@/app/api/activities/[id]/route";
import { POST as skipRoute } from "@/app/api/activities/[id]/skip/route";
import { POST as createRoute } from "@/app/api/groups/[slug]/activities/route";
import { POST as joinRoute } from "@/app/api/groups/[slug]/join/route";
import { DELETE as releaseRoute, POST as holdRoute } from "@/app/api/series/[id]/standing/route";
import { POST as tokenRoute } from "@/app/api/tokens/route";
import { POST as usersRoute } from "@/app/api/users/route";
import { getDb } from "@/db/client";
import { activities, groups, memberships } from "@/db/schema";
import { addMember, makeGroup } from "./helpers/factories";

const base = "http://hub.test";
const send = (method: string, body: unknown, token?: string) => ({
  method,
  headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: typeof body === "string" ? body : JSON.stringify(body),
});
const slugCtx = (slug: string) => ({ params: Promise.resolve({ slug }) });
const idCtx = (id: string) => ({ params: Promise.resolve({ id }) });

let n = 0;
async function member() {
  const email = `org-api-${Date.now()}-${n++}@test.example`;
  const password = "correct horse battery";
  const created = await usersRoute(new Request(`${base}/api/users`, send("POST", { name: "Sam", email, password })));
  const { user } = await created.json();
  const { token } = await (await tokenRoute(new Request(`${base}/api/tokens`, send("POST", { email, password, name: "script" })))).json();
  return { id: user.id as string, token: token as string };
}

const day = () => DateTime.now().setZone("Europe/London").plus({ days: 2 }).toFormat("yyyy-MM-dd");
const walk = (extra: Record<string, unknown> = {}) => ({
  kind: "walk",
  title: "Canal walk",
  startsLocal: `${day()}T10:00`,
  endsLocal: `${day()}T11:30`,
  timezone: "Europe/London",
  placeName: "Lock 4",
  energyLevel: "low",
  talkLevel: "quiet",
  ...extra,
});

async function groupWithOrganizer(visibility: "public" | "private" = "public", joinPolicy: "open" | "approval" = "open") {
  const group = await makeGroup({ visibility, joinPolicy, agreements: "Listening over fixing.", inviteCode: visibility === "private" ? `invite-${crypto.randomUUID()}` : null });
  const organizer = await member();
  await addMember(group.id, organizer.id, "organizer");
  return { group, organizer };
}

const create = (slug: string, body: unknown, token?: string) => createRoute(new Request(`${base}/api/groups/${slug}/activities`, send("POST", body, token)), slugCtx(slug));

describe("POST /api/groups/:slug/activities", () => {
  it("creates a weekly series for an organizer and refuses everyone else with the right status", async () => {
    const { group, organizer } = await groupWithOrganizer();
    const plain = await member();
    await addMember(group.id, plain.id, "member");
    expect((await create(group.slug, walk())).status).toBe(401);
    expect((await create(group.slug, walk(), plain.token)).status).toBe(403);
    expect((await create(group.slug, "{not json", organizer.token)).status).toBe(400);
    const bad = await create(group.slug, walk({ endsLocal: `${day()}T09:00` }), organizer.token);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toHaveProperty("endsLocal");
    const ok = await create(group.slug, walk({ repeat: "weekly", capacity: 8 }), organizer.token);
    expect(ok.status).toBe(201);
    const { activity } = await ok.json();
    expect(activity.seriesId).toBeTruthy();
    const db = await getDb();
    expect((await db.select().from(activities).where(eq(activities.seriesId, activity.seriesId))).length).toBeGreaterThanOrEqual(12);
  });

  it("answers 404 to an outsider for a private group", async () => {
    const { group } = await groupWithOrganizer("private");
    const outsider = await member();
    expect((await create(group.slug, walk(), outsider.token)).status).toBe(404);
    expect((await create("no-such-group", walk(), outsider.token)).status).toBe(404);
  });
});

describe("PATCH and cancel /api/activities/:id", () => {
  it("changes this and following occurrences, and cancels one with 409 the second time", async () => {
    const { group, organizer } = await groupWithOrganizer();
    const { activity } = await (await create(group.slug, walk({ repeat: "weekly" }), organizer.token)).json();
    const patch = (body: unknown, token?: string) => patchRoute(new Request(`${base}/api/activities/${activity.id}`, send("PATCH", body, token)), idCtx(activity.id));
    expect((await patch({ title: "x" }, organizer.token)).status).toBe(400);
    expect((await patch({ title: "Later walk", scope: "sometimes" }, organizer.token)).status).toBe(400);
    expect((await patch({ title: "Later walk" }, (await member()).token)).status).toBe(403);
    // The frequency is fixed once a series exists; asking to change it is refused, naming the field.
    const refreq = await patch({ repeat: "biweekly" }, organizer.token);
    expect(refreq.status).toBe(400);
    expect((await refreq.json()).error.fields.repeat).toMatch(/start a new series/);
    // A body that is not an object gets a plain message, not a nameless field.
    const notObject = await patch([], organizer.token);
    expect(notObject.status).toBe(400);
    const notObjectBody = await notObject.json();
    expect(notObjectBody.error.message).toMatch(/must be a JSON object/);
    expect(notObjectBody.error.fields).toBeUndefined();
    const ok = await patch({ title: "Later walk", startsLocal: `${day()}T11:00`, endsLocal: `${day()}T12:30`, scope: "following" }, organizer.token);
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body.changed).toBeGreaterThanOrEqual(12);
    expect(body.activity.title).toBe("Later walk");

    const cancel = () => cancelRoute(new Request(`${base}/api/activities/${activity.id}/cancel`, send("POST", {}, organizer.token)), idCtx(activity.id));
    expect((await cancel()).status).toBe(200);
    expect((await cancel()).status).toBe(409);
    expect((await cancelRoute(new Request(`${base}/api/activities/not-a-uuid/cancel`, send("POST", {}, organizer.token)), idCtx("not-a-uuid"))).status).toBe(404);
  });
});

describe("joining, standing places and skipping through the API", () => {
  it("needs the agreements accepted, then holds a place, skips one occurrence and releases", async () => {
    const { group, organizer } = await groupWithOrganizer();
    const { activity } = await (await create(group.slug, walk({ repeat: "weekly", capacity: 1 }), organizer.token)).json();
    const sam = await member();
    const join = (body: unknown) => joinRoute(new Request(`${base}/api/groups/${group.slug}/join`, send("POST", body, sam.token)), slugCtx(group.slug));
    const refused = await join({});
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.fields).toHaveProperty("acceptAgreements");
    expect(await (await join({ acceptAgreements: true })).json()).toEqual({ membership: { group: group.slug, status: "active" } });
    const db = await getDb();
    const [m] = await db.select().from(memberships).where(eq(memberships.userId, sam.id));
    expect(m.agreementsAcceptedAt).toBeInstanceOf(Date);

    const seriesUrl = `${base}/api/series/${activity.seriesId}/standing`;
    const held = await holdRoute(new Request(seriesUrl, send("POST", {}, sam.token)), idCtx(activity.seriesId));
    expect(await held.json()).toEqual({ standingPlace: { status: "active" } });
    const skipped = await skipRoute(new Request(`${base}/api/activities/${activity.id}/skip`, send("POST", {}, sam.token)), idCtx(activity.id));
    // Nobody was waiting: the place is open, not passed on.
    expect(await skipped.json()).toEqual({ skipped: true, freedPlace: true, passedOn: false });
    const paused = await releaseRoute(new Request(`${seriesUrl}?pause=true`, { method: "DELETE", headers: { authorization: `Bearer ${sam.token}` } }), idCtx(activity.seriesId));
    expect(await paused.json()).toEqual({ standingPlace: { status: "paused" } });
    const badQuery = await releaseRoute(new Request(`${seriesUrl}?pause=maybe`, { method: "DELETE", headers: { authorization: `Bearer ${sam.token}` } }), idCtx(activity.seriesId));
    expect(badQuery.status).toBe(400);
    const released = await releaseRoute(new Request(seriesUrl, { method: "DELETE", headers: { authorization: `Bearer ${sam.token}` } }), idCtx(activity.seriesId));
    expect(await released.json()).toEqual({ standingPlace: { status: "none" } });
    expect((await releaseRoute(new Request(seriesUrl, { method: "DELETE" }), idCtx(activity.seriesId))).status).toBe(401);
  });
});

describe("POST /api/groups/:slug/join for a private group", () => {
  const join = (slug: string, body: unknown, token: string) => joinRoute(new Request(`${base}/api/groups/${slug}/join`, send("POST", body, token)), slugCtx(slug));
  const rowsOf = async (groupId: string) => {
    const db = await getDb();
    return db.select().from(memberships).where(eq(memberships.groupId, groupId));
  };

  it("without the invite code, or with a wrong one, answers exactly as for a slug that does not exist", async () => {
    const { group } = await groupWithOrganizer("private");
    const guesser = await member();
    const before = await rowsOf(group.id);
    const unknown = await join("no-such-group", { acceptAgreements: true }, guesser.token);
    expect(unknown.status).toBe(404);
    const expected = await unknown.json();
    for (const body of [{ acceptAgreements: true }, { acceptAgreements: true, invite: "" }, { acceptAgreements: true, invite: "guess" }, { acceptAgreements: true, invite: `${group.inviteCode}x` }]) {
      const res = await join(group.slug, body, guesser.token);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual(expected);
    }
    expect(await rowsOf(group.id)).toEqual(before);
  });

  it("with the right code makes a pending request in an approval group, and a member in an open one", async () => {
    const approval = await groupWithOrganizer("private", "approval");
    const open = await groupWithOrganizer("private", "open");
    const sam = await member();
    const asked = await join(approval.group.slug, { acceptAgreements: true, invite: approval.group.inviteCode }, sam.token);
    expect(await asked.json()).toEqual({ membership: { group: approval.group.slug, status: "pending" } });
    const joined = await join(open.group.slug, { acceptAgreements: true, invite: open.group.inviteCode }, sam.token);
    expect(await joined.json()).toEqual({ membership: { group: open.group.slug, status: "active" } });
  });

  it("refuses a code replaced since, and an invite that is not text", async () => {
    const { group } = await groupWithOrganizer("private");
    const db = await getDb();
    await db.update(groups).set({ inviteCode: `invite-${crypto.randomUUID()}` }).where(eq(groups.id, group.id));
    const sam = await member();
    expect((await join(group.slug, { acceptAgreements: true, invite: group.inviteCode }, sam.token)).status).toBe(404);
    const wrongType = await join(group.slug, { acceptAgreements: true, invite: 42 }, sam.token);
    expect(wrongType.status).toBe(400);
    expect((await wrongType.json()).error.fields).toHaveProperty("invite");
    expect(await rowsOf(group.id)).toHaveLength(1);
  });
});

describe("an address under /api that names no endpoint", () => {
  it("answers a JSON 404 for every method", async () => {
    const { GET, POST, DELETE } = await import("@/app/api/[...path]/route");
    for (const handler of [GET, POST, DELETE]) {
      const res = await handler(new Request("http://hub.test/api/nowhere"));
      expect(res.status).toBe(404);
      expect((await res.json()).error).toMatchObject({ code: "not_found", message: expect.stringMatching(/no API endpoint/) });
    }
  });
});
