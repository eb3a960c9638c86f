import { describe, expect, it } from "vitest";
import { POST as groupActivitiesRoute } from "@/app/api/groups/[slug]/activities/route";
import { POST as joinRoute } from "@/app/api/groups/[slug]/join/route";
import { PATCH as groupRoute } from "@/app/api/groups/[slug]/route";
import { createApiToken } from "@/db/mutations/api-tokens";
import { makeUser } from "./helpers/factories";

/*
 * A slug arrives decoded from the path, so "%00" is a NUL that PostgreSQL refuses to read.
 * Every group endpoint checks the slug's shape first and answers as for a group that does
 * not exist, never a 500.
 */
describe("group endpoints given a slug no group could have", () => {
  it("answer 404 in the API's JSON shape", async () => {
    const user = await makeUser();
    const headers = { authorization: `Bearer ${(await createApiToken(user.id, "slug")).token}`, "content-type": "application/json" };
    for (const slug of ["\u0000", "a\u0000b", "\u00ff", "x".repeat(300), "UPPER", "a b", "é"]) {
      const params = { params: Promise.resolve({ slug }) };
      const answers = [
        await groupRoute(new Request("http://hub.test/api/groups/x", { method: "PATCH", headers, body: JSON.stringify({ name: "New name" }) }), params),
        await groupActivitiesRoute(new Request("http://hub.test/api/groups/x/activities", { method: "POST", headers, body: "{}" }), params),
        await joinRoute(new Request("http://hub.test/api/groups/x/join", { method: "POST", headers, body: JSON.stringify({ acceptAgreements: true }) }), params),
      ];
      for (const res of answers) {
        expect(res.status, JSON.stringify(slug)).toBe(404);
        expect((await res.json()).error.code).toBe("not_found");
      }
    }
  });
});
