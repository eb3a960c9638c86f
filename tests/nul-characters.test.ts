import { describe, expect, it } from "vitest";
import { GET as listActivitiesRoute } from "@/app/api/activities/route";
import { POST as createInGroupRoute } from "@/app/api/groups/[slug]/activities/route";
import { PATCH as patchGroupRoute } from "@/app/api/groups/[slug]/route";
import { POST as tokenRoute } from "@/app/api/tokens/route";
import { POST as usersRoute } from "@/app/api/users/route";
import { getActivityForViewer } from "@/db/queries/activities";
import { getGroupRow } from "@/db/queries/organizer";
import { getUserByEmail } from "@/db/users";
import { addMember, makeGroup } from "./helpers/factories";

/*
 * A NUL character is invisible and PostgreSQL refuses it in text. Wherever one arrives, in a
 * query string or a JSON body, it is dropped and the request goes through as typed.
 */
const NUL = "\u0000";
const post = (url: string, body: unknown, token?: string, method = "POST") =>
  new Request(url, { method, headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });

describe("text with a NUL character in it", () => {
  it("searching for it is an ordinary search, not an error", async () => {
    const res = await listActivitiesRoute(new Request(`http://hub.test/api/activities?q=${encodeURIComponent(`walk${NUL}`)}`));
    expect(res.status).toBe(200);
    expect((await res.json()).activities).toBeInstanceOf(Array);
  });

  it("sign-up, tokens, new activities and group settings store the text without it", async () => {
    const email = `nul-${Date.now()}@example.org`;
    const password = "a long enough secret";
    const signedUp = await usersRoute(post("http://hub.test/api/users", { name: `Ro${NUL}bin`, email, password }));
    expect(signedUp.status).toBe(201);
    const user = await getUserByEmail(email);
    expect(user?.name).toBe("Robin");

    const tokenRes = await tokenRoute(post("http://hub.test/api/tokens", { email, password, name: `script${NUL}` }));
    expect(tokenRes.status).toBe(201);
    const { token, name } = await tokenRes.json();
    expect(name).toBe("script");

    const group = await makeGroup();
    await addMember(group.id, user!.id, "owner");
    const ctx = { params: Promise.resolve({ slug: group.slug }) };
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const created = await createInGroupRoute(
      post(`http://hub.test/api/groups/${group.slug}/activities`, {
        kind: "walk", title: `Canal${NUL} walk`, description: `Bring${NUL} water`, placeName: `Lock${NUL} 4`, onlineUrl: `https://meet.example.org/a${NUL}b`,
        startsLocal: `${day}T10:00`, endsLocal: `${day}T11:00`, timezone: "Europe/London", energyLevel: "low", talkLevel: "quiet",
      }, token),
      ctx,
    );
    expect(created.status).toBe(201);
    const activity = await getActivityForViewer((await created.json()).activity.id, user!.id);
    expect([activity?.title, activity?.description, activity?.placeName, activity?.onlineUrl]).toEqual(["Canal walk", "Bring water", "Lock 4", "https://meet.example.org/ab"]);

    const patched = await patchGroupRoute(post(`http://hub.test/api/groups/${group.slug}`, { about: `Gentle${NUL} walks` }, token, "PATCH"), ctx);
    expect(patched.status).toBe(200);
    expect((await getGroupRow({ id: group.id }))?.about).toBe("Gentle walks");
  });
});
