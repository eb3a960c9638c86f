import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { handOverGroup, NEW_OWNER_MUST_ORGANIZE, ONLY_OWNER_HANDS_OVER } from "@/db/mutations/group-ownership";
import { changeMember, leaveGroup } from "@/db/mutations/groups";
import { memberships, notifications } from "@/db/schema";
import { handOverSchema } from "@/lib/validation/group";
import { addMember, makeGroup, makeUser } from "./helpers/factories";

async function roleOf(groupId: string, userId: string) {
  const db = await getDb();
  const [row] = await db.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.groupId, groupId), eq(memberships.userId, userId)));
  return row?.role;
}

async function groupWithStaff(overrides: Parameters<typeof makeGroup>[0] = {}) {
  const [owner, organizer, member] = [await makeUser(), await makeUser({ name: "Rowan New-Owner" }), await makeUser()];
  const group = await makeGroup({ name: "Allotment Friends", ...overrides });
  await addMember(group.id, owner.id, "owner");
  await addMember(group.id, organizer.id, "organizer");
  await addMember(group.id, member.id, "member");
  return { owner, organizer, member, group };
}

describe("handing a group over", () => {
  it("makes an organizer the owner; the old owner stays an organizer and loses the owner's powers; the new owner is told", async () => {
    const { owner, organizer, member, group } = await groupWithStaff();
    expect(await handOverGroup(owner, group.id, organizer.id)).toEqual({ ok: true, data: { newOwnerName: "Rowan New-Owner", slug: group.slug } });
    expect(await roleOf(group.id, organizer.id)).toBe("owner");
    expect(await roleOf(group.id, owner.id)).toBe("organizer");
    const db = await getDb();
    const told = await db.select().from(notifications).where(and(eq(notifications.userId, organizer.id), eq(notifications.type, "group_handed_over")));
    expect(told.map((n) => n.title)).toEqual(["You're now the owner of Allotment Friends"]);

    // The old owner is an organizer now: promoting is the new owner's, and so is handing over.
    expect(await changeMember(owner, group.id, member.id, "promote")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await handOverGroup(owner, group.id, organizer.id)).toMatchObject({ ok: false, code: "forbidden", message: ONLY_OWNER_HANDS_OVER() });
    // …and may leave, which an owner could not.
    expect(await leaveGroup(owner, group.id)).toMatchObject({ ok: true });
    expect(await leaveGroup(organizer, group.id)).toMatchObject({ ok: false, code: "conflict" });
  });

  it("is refused to anyone but the group's owner, and names no one outside a private group", async () => {
    const { owner, organizer, member, group } = await groupWithStaff();
    const outsider = await makeUser();
    expect(await handOverGroup(null, group.id, organizer.id)).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await handOverGroup(organizer, group.id, organizer.id)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await handOverGroup(member, group.id, organizer.id)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await handOverGroup(outsider, group.id, organizer.id)).toMatchObject({ ok: false, code: "forbidden" });
    const secret = await groupWithStaff({ visibility: "private" });
    expect(await handOverGroup(outsider, secret.group.id, secret.organizer.id)).toMatchObject({ ok: false, code: "not_found" });
    // The owner of one group cannot hand over another.
    expect(await handOverGroup(owner, secret.group.id, secret.organizer.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await roleOf(group.id, owner.id)).toBe("owner");
    expect(await roleOf(secret.group.id, secret.owner.id)).toBe("owner");
  });

  it("goes only to an active organizer of this group whose account is in good standing", async () => {
    const { owner, member, group } = await groupWithStaff();
    const elsewhere = await groupWithStaff();
    const [banned, pending, suspended] = [await makeUser(), await makeUser(), await makeUser({ suspendedAt: new Date() })];
    const db = await getDb();
    await db.insert(memberships).values([
      { groupId: group.id, userId: banned.id, role: "organizer", status: "banned" },
      { groupId: group.id, userId: pending.id, role: "organizer", status: "pending" },
    ]);
    await addMember(group.id, suspended.id, "organizer");
    for (const target of [member, banned, pending, suspended, elsewhere.organizer]) {
      expect(await handOverGroup(owner, group.id, target.id)).toEqual({ ok: false, code: "conflict", message: NEW_OWNER_MUST_ORGANIZE() });
    }
    expect(await handOverGroup(owner, group.id, owner.id)).toMatchObject({ ok: false, code: "conflict" });
    expect(await roleOf(group.id, owner.id)).toBe("owner");
    expect(await roleOf(group.id, member.id)).toBe("member");
  });

  it("needs the confirmation ticked", () => {
    const userId = crypto.randomUUID();
    expect(handOverSchema.safeParse({ userId }).error?.issues[0]?.message).toBe("Tick the box to confirm the hand-over.");
    expect(handOverSchema.safeParse({ userId, confirm: "on" }).success).toBe(true);
    expect(handOverSchema.safeParse({ userId: "not-an-id", confirm: "on" }).success).toBe(false);
  });
});
