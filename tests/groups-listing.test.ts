import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { listGroupsForViewer } from "@/db/queries/groups";
import { memberships } from "@/db/schema";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";

describe("the groups page", () => {
  it("counts each group's active members and upcoming scheduled activities", async () => {
    const group = await makeGroup();
    const [a, b, waiting] = [await makeUser(), await makeUser(), await makeUser()];
    await addMember(group.id, a.id);
    await addMember(group.id, b.id);
    await addMember(group.id, waiting.id);
    await (await getDb()).update(memberships).set({ status: "pending" }).where(and(eq(memberships.groupId, group.id), eq(memberships.userId, waiting.id)));
    await makeActivity(group.id, { startsInHours: 24 });
    await makeActivity(group.id, { startsInHours: 48 });
    await makeActivity(group.id, { startsInHours: 72, status: "cancelled" });
    await makeActivity(group.id, { startsInHours: -48 });
    await makeActivity(group.id, { startsInHours: 96, hiddenAt: new Date() });

    const listed = (await listGroupsForViewer(null)).find((g) => g.slug === group.slug);
    expect(listed).toMatchObject({ memberCount: 2, upcomingCount: 2 });
  });

  it("shows a private group, with its counts, only to its members", async () => {
    const group = await makeGroup({ visibility: "private" });
    const member = await makeUser();
    await addMember(group.id, member.id);
    await makeActivity(group.id);
    expect((await listGroupsForViewer(null)).some((g) => g.slug === group.slug)).toBe(false);
    expect((await listGroupsForViewer((await makeUser()).id)).some((g) => g.slug === group.slug)).toBe(false);
    expect((await listGroupsForViewer(member.id)).find((g) => g.slug === group.slug)).toMatchObject({ memberCount: 1, upcomingCount: 1 });
  });
});
