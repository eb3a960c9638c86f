import { describe, expect, it } from "vitest";
import { POST as attendanceRoute } from "@/app/api/activities/[id]/attendance/route";
import { DELETE as withdrawRoute, POST as rsvpRoute } from "@/app/api/activities/[id]/rsvp/route";
import { GET as myRsvpsRoute } from "@/app/api/me/rsvps/route";
import { DELETE as revokeRoute, GET as listTokensRoute, POST as tokenRoute } from "@/app/api/tokens/route";
import { POST as usersRoute } from "@/app/api/users/route";
import { addMember, makeActivity, makeGroup } from "./helpers/factories";

const base = "http://hub.test";
const json = (body: unknown, token?: string) => ({
  method: "POST",
  headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: typeof body === "string" ? body : JSON.stringify(body),
});
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

let n = 0;
async function signUpWithToken() {
  const email = `api-${Date.now()}-${n++}@test.example`;
  const password = "correct horse battery";
  const created = await usersRoute(new Request(`${base}/api/users`, json({ name: "Robin", email, password })));
  expect(created.status).toBe(201);
  const { user } = await created.json();
  const tokenRes = await tokenRoute(new Request(`${base}/api/tokens`, json({ email, password, name: "script" })));
  expect(tokenRes.status).toBe(201);
  const { token } = await tokenRes.json();
  return { user: user as { id: string; email: string }, token: token as string, email, password };
}

const rsvp = (activityId: string, body: unknown, token?: string) => rsvpRoute(new Request(`${base}/api/activities/${activityId}/rsvp`, json(body, token)), ctx(activityId));

describe("write API: sign-up and tokens", () => {
  it("POST /api/users signs up with the sign-up form's rules and names the wrong field", async () => {
    const bad = await usersRoute(new Request(`${base}/api/users`, json({ name: "A", email: "not-an-email", password: "short" })));
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(["email", "password"]);
    const { email } = await signUpWithToken();
    const again = await usersRoute(new Request(`${base}/api/users`, json({ name: "B", email, password: "another long password" })));
    expect(again.status).toBe(409);
  });

  it("a wrong password gets no token, and malformed JSON is a 400 not a 500", async () => {
    const { email } = await signUpWithToken();
    expect((await tokenRoute(new Request(`${base}/api/tokens`, json({ email, password: "wrong password!" })))).status).toBe(401);
    expect((await tokenRoute(new Request(`${base}/api/tokens`, json("{oops")))).status).toBe(400);
  });

  it("a revoked token stops working at once", async () => {
    const group = await makeGroup();
    const activity = await makeActivity(group.id);
    const { token } = await signUpWithToken();
    const list = await (await listTokensRoute(new Request(`${base}/api/tokens`, { headers: { authorization: `Bearer ${token}` } }))).json();
    expect(list.tokens).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(token);
    const revoked = await revokeRoute(new Request(`${base}/api/tokens`, { ...json({ id: list.tokens[0].id }, token), method: "DELETE" }));
    expect(revoked.status).toBe(200);
    expect((await rsvp(activity.id, { status: "going" }, token)).status).toBe(401);
  });
});

describe("write API: RSVPs", () => {
  it("answers with the member's state and the activity's numbers, waitlist position included", async () => {
    const group = await makeGroup();
    const activity = await makeActivity(group.id, { capacity: 1 });
    const [a, b] = [await signUpWithToken(), await signUpWithToken()];
    const first = await rsvp(activity.id, { status: "going" }, a.token);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ rsvp: { status: "going" }, activity: { goingCount: 1, spotsLeft: 0, waitlistLength: 0 }, changed: true });
    const second = await (await rsvp(activity.id, { status: "going", goTogether: true }, b.token)).json();
    expect(second).toMatchObject({ rsvp: { status: "waitlisted", position: 1 }, activity: { goingCount: 1, waitlistLength: 1 } });
    expect(second.message).toBe("This activity is full — you're number 1 on the waitlist. We'll tell you if a place opens.");

    const withdrawn = await withdrawRoute(new Request(`${base}/api/activities/${activity.id}/rsvp`, { method: "DELETE", headers: { authorization: `Bearer ${a.token}` } }), ctx(activity.id));
    expect(await withdrawn.json()).toMatchObject({ rsvp: { status: "not_going" }, activity: { goingCount: 1, waitlistLength: 0 } });
    const mine = await (await myRsvpsRoute(new Request(`${base}/api/me/rsvps`, { headers: { authorization: `Bearer ${b.token}` } }))).json();
    expect(mine.rsvps).toEqual([expect.objectContaining({ activity: expect.objectContaining({ id: activity.id }), rsvp: { status: "going" }, goTogether: true })]);
  });

  it("sending the same RSVP twice changes nothing and gives the same answer", async () => {
    const group = await makeGroup();
    const activity = await makeActivity(group.id, { capacity: 5 });
    const { token } = await signUpWithToken();
    const one = await (await rsvp(activity.id, { status: "maybe" }, token)).json();
    const two = await (await rsvp(activity.id, { status: "maybe" }, token)).json();
    expect(one.rsvp).toEqual(two.rsvp);
    expect([one.changed, two.changed]).toEqual([true, false]);
  });

  it("wrong input is 400 naming the field, no caller 401, unknown or private activity 404, closed 409", async () => {
    const group = await makeGroup();
    const activity = await makeActivity(group.id);
    const { token } = await signUpWithToken();
    const bad = await rsvp(activity.id, { status: "yes please" }, token);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toHaveProperty("status");
    expect((await rsvp(activity.id, { status: "going" })).status).toBe(401);
    expect((await rsvp(activity.id, { status: "going" }, "ct_not-a-real-token-at-all")).status).toBe(401);
    expect((await rsvp("00000000-0000-4000-8000-000000000000", { status: "going" }, token)).status).toBe(404);
    expect((await rsvp("not-a-uuid", { status: "going" }, token)).status).toBe(404);
    const hidden = await makeActivity((await makeGroup({ visibility: "private" })).id);
    expect((await rsvp(hidden.id, { status: "going" }, token)).status).toBe(404);
    const past = await makeActivity(group.id, { startsInHours: -10 });
    const closed = await rsvp(past.id, { status: "going" }, token);
    expect(closed.status).toBe(409);
    expect((await closed.json()).error.message).toMatch(/already happened/);
  });
});

describe("write API: attendance", () => {
  it("only the group's organizers mark attendance, and only once the activity has started", async () => {
    const group = await makeGroup();
    const organizer = await signUpWithToken();
    const member = await signUpWithToken();
    await addMember(group.id, organizer.user.id, "organizer");
    const upcoming = await makeActivity(group.id);
    const started = await makeActivity(group.id, { startsInHours: -1 });
    const { submitRsvp } = await import("@/db/mutations/rsvps");
    await submitRsvp({ activityId: upcoming.id, userId: member.user.id, status: "going" });
    const { getDb } = await import("@/db/client");
    const { rsvps } = await import("@/db/schema");
    await (await getDb()).insert(rsvps).values({ activityId: started.id, userId: member.user.id, status: "going" });

    const mark = (id: string, body: unknown, token?: string) => attendanceRoute(new Request(`${base}/api/activities/${id}/attendance`, json(body, token)), ctx(id));
    expect((await mark(started.id, { userId: member.user.id, attendance: "attended" }, member.token)).status).toBe(403);
    expect((await mark(upcoming.id, { userId: member.user.id, attendance: "attended" }, organizer.token)).status).toBe(409);
    const bad = await mark(started.id, { userId: member.user.id, attendance: "came" }, organizer.token);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toHaveProperty("attendance");
    const ok = await mark(started.id, { userId: member.user.id, attendance: "no_show" }, organizer.token);
    expect(await ok.json()).toEqual({ attendance: { userId: member.user.id, attendance: "no_show" } });
    const all = await mark(started.id, { allGoing: true }, organizer.token);
    expect(await all.json()).toEqual({ marked: 0 });
  });
});
