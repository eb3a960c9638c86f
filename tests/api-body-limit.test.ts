import { describe, expect, it } from "vitest";
import { POST as rsvpRoute } from "@/app/api/activities/[id]/rsvp/route";
import { PATCH as groupRoute } from "@/app/api/groups/[slug]/route";
import { POST as tokensRoute } from "@/app/api/tokens/route";
import { POST as usersRoute } from "@/app/api/users/route";
import { createApiToken } from "@/db/mutations/api-tokens";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";

/*
 * JSON bodies are capped at 64 KB: a bigger one is a 413 with a plain message, decided from
 * Content-Length before reading, or while reading a body sent without one, so a huge body
 * is never held in memory.
 */

/** A body that never ends, 16 KB at a time, counting how much of it was pulled. */
function endlessBody() {
  const chunk = new TextEncoder().encode(`{"name":"${"x".repeat(16 * 1024 - 10)}`);
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, counter };
}

const post = (url: string, init: RequestInit & { duplex?: "half" }) => new Request(url, { method: "POST", ...init });

describe("a JSON body over 64 KB", () => {
  it("is refused with 413 from its declared length, before it is read", async () => {
    const { stream, counter } = endlessBody();
    const res = await usersRoute(post("http://hub.test/api/users", { headers: { "content-type": "application/json", "content-length": String(100 * 1024 * 1024) }, body: stream, duplex: "half" }));
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatchObject({ code: "too_large", message: expect.stringMatching(/at most 64 KB/) });
    expect(counter.pulled).toBeLessThanOrEqual(64 * 1024);
  });

  it("is refused with 413 while reading when no length is declared, having read little more than the cap", async () => {
    const { stream, counter } = endlessBody();
    const res = await usersRoute(post("http://hub.test/api/users", { headers: { "content-type": "application/json" }, body: stream, duplex: "half" }));
    expect(res.status).toBe(413);
    expect(counter.pulled).toBeLessThan(200 * 1024);
  });

  it("is refused by every endpoint that reads a body, signed in or not", async () => {
    const big = JSON.stringify({ status: "going", name: "x".repeat(70 * 1024) });
    const owner = await makeUser();
    const group = await makeGroup();
    await addMember(group.id, owner.id, "owner");
    const activity = await makeActivity(group.id);
    const auth = { authorization: `Bearer ${(await createApiToken(owner.id, "cap")).token}`, "content-type": "application/json" };
    const answers = [
      await usersRoute(post("http://hub.test/api/users", { body: big })),
      await tokensRoute(post("http://hub.test/api/tokens", { body: big })),
      await rsvpRoute(post(`http://hub.test/api/activities/${activity.id}/rsvp`, { headers: auth, body: big }), { params: Promise.resolve({ id: activity.id }) }),
      await groupRoute(new Request(`http://hub.test/api/groups/${group.slug}`, { method: "PATCH", headers: auth, body: big }), { params: Promise.resolve({ slug: group.slug }) }),
    ];
    for (const res of answers) expect(res.status).toBe(413);
  });

  it("a body just under the cap is read and judged on its content", async () => {
    const res = await usersRoute(post("http://hub.test/api/users", { body: JSON.stringify({ name: "x".repeat(60 * 1024), email: "cap@example.org", password: "long enough password" }) }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields).toHaveProperty("name");
  });
});
