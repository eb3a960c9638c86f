import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as attendeesCsv } from "@/app/activities/[id]/organize/attendees.csv/route";
import { GET as readActivity } from "@/app/api/activities/[id]/route";
import { GET as readReflection, POST as postReflection } from "@/app/api/activities/[id]/reflection/route";
import { GET as participationRoute } from "@/app/api/me/participation/route";
import { PATCH as changePartnerRoute } from "@/app/api/me/partners/[id]/route";
import { GET as checkInsRoute, POST as postCheckInRoute } from "@/app/api/me/partners/[id]/check-ins/route";
import { POST as acceptRoute } from "@/app/api/me/partners/accept/route";
import { GET as partnersRoute, POST as invitePartnerRoute } from "@/app/api/me/partners/route";
import { GET as planRoute, PUT as putPlanRoute } from "@/app/api/me/plan/route";
import { GET as suggestionsRoute } from "@/app/api/me/suggestions/route";
import { POST as tokenRoute } from "@/app/api/tokens/route";
import { POST as usersRoute } from "@/app/api/users/route";
import { getDb } from "@/db/client";
import { markAttendance } from "@/db/mutations/attendance";
import { rsvps, users } from "@/db/schema";
import { addMember, makeActivity, makeGroup } from "./helpers/factories";

/*
 * Everything on the growing-connection side is private to its owner (check-ins to the
 * pair): another member, an organizer of the owner's group and a site admin each ask for
 * it through every endpoint and get only their own, or a 404. Every answer says
 * "private, no-store", so no shared cache ever keeps one.
 */

const base = "http://hub.test";
let n = 0;
async function person(name: string) {
  const email = `privacy-${Date.now()}-${n++}@test.example`;
  const password = "correct horse battery";
  const { user } = await (await usersRoute(new Request(`${base}/api/users`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name, email, password }) }))).json();
  const { token } = await (await tokenRoute(new Request(`${base}/api/tokens`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password, name: "t" }) }))).json();
  return { id: user.id as string, token: token as string };
}
const req = (path: string, token?: string, method = "GET", body?: unknown) =>
  new Request(`${base}${path}`, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { "content-type": "application/json" } : {}) }, body: body ? JSON.stringify(body) : undefined });
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

const SECRET_NOTE = "sat by the pond and cried a little";
const SECRET_CHECK_IN = "hard week, glad of the walk";
const SECRET_WORD = "herons-and-bread";

async function world() {
  const [sam, pat, mo, olu, ada] = [await person("Sam P"), await person("Pat P"), await person("Mo P"), await person("Olu P"), await person("Ada P")];
  const db = await getDb();
  await db.update(users).set({ role: "admin" }).where(eq(users.id, ada.id));
  const group = await makeGroup();
  await addMember(group.id, olu.id, "owner");
  await addMember(group.id, sam.id);
  const activity = await makeActivity(group.id, { startsInHours: -3 });
  await db.insert(rsvps).values({ activityId: activity.id, userId: sam.id, status: "going" });
  expect((await markAttendance({ activityId: activity.id, actorId: olu.id, userId: sam.id, attendance: "attended" })).ok).toBe(true);
  expect((await postReflection(req(`/api/activities/${activity.id}/reflection`, sam.token, "POST", { feeling: "drained", note: SECRET_NOTE }), ctx(activity.id))).status).toBe(200);
  expect((await putPlanRoute(req("/api/me/plan", sam.token, "PUT", { weeklyTotalGoal: 3, interests: [SECRET_WORD] }))).status).toBe(200);
  const made = await (await invitePartnerRoute(req("/api/me/partners", sam.token, "POST", { rhythm: "weekly_meeting", weeklyDay: 2 }))).json();
  const accepted = await acceptRoute(req("/api/me/partners/accept", pat.token, "POST", { code: made.code }));
  expect(accepted.status).toBe(200);
  const pairId = made.partnership.id as string;
  expect((await postCheckInRoute(req(`/api/me/partners/${pairId}/check-ins`, sam.token, "POST", { note: SECRET_CHECK_IN, mood: 2, energy: "low" }), ctx(pairId))).status).toBe(201);
  return { sam, pat, mo, olu, ada, activity, pairId };
}

const secrets = [SECRET_NOTE, SECRET_CHECK_IN, SECRET_WORD];
const expectNoSecrets = (text: string) => {
  for (const s of secrets) expect(text).not.toContain(s);
};

describe("privacy of the growing-connection side", () => {
  it("another member, an organizer and an admin read only their own: never another's plan, reflections, check-ins, milestones or participation", async () => {
    const w = await world();
    // The owner sees their own.
    expect(JSON.stringify(await (await planRoute(req("/api/me/plan", w.sam.token))).json())).toContain(SECRET_WORD);
    expect((await (await readReflection(req(`/api/activities/${w.activity.id}/reflection`, w.sam.token), ctx(w.activity.id))).json()).reflection.note).toBe(SECRET_NOTE);
    const samParticipation = await (await participationRoute(req("/api/me/participation", w.sam.token))).json();
    expect(samParticipation.participation.attendedActivities).toBe(1);
    expect(samParticipation.milestones.map((m: { key: string }) => m.key)).toEqual(expect.arrayContaining(["first_activity", "first_reflection", "first_partner"]));

    for (const other of [w.mo, w.olu, w.ada]) {
      for (const route of [planRoute, participationRoute, suggestionsRoute, partnersRoute]) {
        const res = await route(req("/api/me/x", other.token));
        expect(res.status).toBe(200);
        const text = await res.text();
        expectNoSecrets(text);
        expect(text).not.toContain(w.pairId);
      }
      const participation = await (await participationRoute(req("/api/me/participation", other.token))).json();
      expect(participation.participation.attendedActivities).toBe(0);
      expect(participation.milestones).toEqual([]);
      expect((await checkInsRoute(req(`/api/me/partners/${w.pairId}/check-ins`, other.token), ctx(w.pairId))).status).toBe(404);
      expect((await postCheckInRoute(req(`/api/me/partners/${w.pairId}/check-ins`, other.token, "POST", { note: "hi", mood: 3, energy: "low" }), ctx(w.pairId))).status).toBe(404);
      expect((await changePartnerRoute(req(`/api/me/partners/${w.pairId}`, other.token, "PATCH", { action: "end" }), ctx(w.pairId))).status).toBe(404);
      expect((await readReflection(req(`/api/activities/${w.activity.id}/reflection`, other.token), ctx(w.activity.id))).status).toBe(404);
      expectNoSecrets(await (await readActivity(req(`/api/activities/${w.activity.id}`, other.token), ctx(w.activity.id))).text());
    }
    // The organizer's attendee list says who came, never how it left them.
    const csv = await attendeesCsv(req(`/activities/${w.activity.id}/organize/attendees.csv`, w.olu.token), ctx(w.activity.id));
    expect(csv.status).toBe(200);
    expectNoSecrets(await csv.text());
  });

  it("a partner sees the pair's check-ins, and nothing else of the other's", async () => {
    const w = await world();
    const checkIns = await (await checkInsRoute(req(`/api/me/partners/${w.pairId}/check-ins`, w.pat.token), ctx(w.pairId))).json();
    expect(checkIns.checkIns.map((c: { note: string }) => c.note)).toEqual([SECRET_CHECK_IN]);
    for (const route of [planRoute, participationRoute, suggestionsRoute]) {
      const text = await (await route(req("/api/me/x", w.pat.token))).text();
      expect(text).not.toContain(SECRET_NOTE);
      expect(text).not.toContain(SECRET_WORD);
    }
    const partners = await (await partnersRoute(req("/api/me/partners", w.pat.token))).json();
    expect(partners.partnerships).toEqual([expect.objectContaining({ id: w.pairId, status: "active", partner: { id: w.sam.id, name: "Sam P" }, invitedByMe: false })]);
  });

  it("every answer is private and never stored, and nobody signed out gets anything", async () => {
    const w = await world();
    const answers = [
      await planRoute(req("/api/me/plan", w.sam.token)),
      await planRoute(req("/api/me/plan")),
      await participationRoute(req("/api/me/participation", w.sam.token)),
      await suggestionsRoute(req("/api/me/suggestions", w.sam.token)),
      await partnersRoute(req("/api/me/partners")),
      await checkInsRoute(req(`/api/me/partners/${w.pairId}/check-ins`, w.mo.token), ctx(w.pairId)),
      await readReflection(req(`/api/activities/${w.activity.id}/reflection`, w.sam.token), ctx(w.activity.id)),
    ];
    for (const res of answers) expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(answers[1].status).toBe(401);
    expect(answers[4].status).toBe(401);
  });

  it("bad input is a clear 400 naming the field, never a 500", async () => {
    const w = await world();
    const bad = await putPlanRoute(req("/api/me/plan", w.sam.token, "PUT", { weeklyTotalGoal: 2, weeklyLowEnergyGoal: 5, freeTimes: [{ day: 9, from: "10:00", to: "09:00" }] }));
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(["freeTimes.day", "freeTimes.to", "weeklyLowEnergyGoal"]);
    const mood = await postCheckInRoute(req(`/api/me/partners/${w.pairId}/check-ins`, w.sam.token, "POST", { note: "ok", mood: 9, energy: "lots" }), ctx(w.pairId));
    expect(mood.status).toBe(400);
    expect(Object.keys((await mood.json()).error.fields).sort()).toEqual(["energy", "mood"]);
    const feeling = await postReflection(req(`/api/activities/${w.activity.id}/reflection`, w.sam.token, "POST", { feeling: "meh" }), ctx(w.activity.id));
    expect(feeling.status).toBe(400);
    const notJson = await postReflection(new Request(`${base}/api/activities/${w.activity.id}/reflection`, { method: "POST", headers: { authorization: `Bearer ${w.sam.token}` }, body: "{oops" }), ctx(w.activity.id));
    expect(notJson.status).toBe(400);
  });
});
