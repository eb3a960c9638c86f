import { describe, expect, it } from "vitest";
import { blockMember } from "@/db/mutations/blocks";
import { respondToActivity } from "@/db/mutations/rsvps";
import { getDb } from "@/db/client";
import { EXPORT_RULES, exportMemberData, type ExportRule } from "@/db/queries/export";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";
import { memberColumns } from "./helpers/member-columns";

describe("export all my data", () => {
  it("covers every table with a member column, naming each such column as theirs or saying why not", () => {
    const rules = EXPORT_RULES as Record<string, ExportRule>;
    const tables = memberColumns();
    expect(tables.size).toBeGreaterThan(15);
    for (const [name, { columns }] of tables) {
      const rule = rules[name];
      expect(rule, `table ${name} names members but is not in EXPORT_RULES (db/queries/export.ts)`).toBeDefined();
      for (const column of columns) {
        expect([...rule.mine, ...Object.keys(rule.leftOut ?? {})], `${name}.${column} refers to users: export it or say why not`).toContain(column);
      }
    }
  });

  it("contains the member's rows from each table and no secrets, and nothing of anyone else's", async () => {
    const me = await makeUser({ bio: "I like walks" });
    const other = await makeUser();
    const group = await makeGroup({ createdById: me.id });
    await addMember(group.id, me.id, "owner");
    const activity = await makeActivity(group.id, { createdById: me.id });
    const db = await getDb();
    await respondToActivity(db, { activityId: activity.id, userId: me.id, status: "going" });
    await respondToActivity(db, { activityId: activity.id, userId: other.id, status: "going" });
    await blockMember(me.id, other.id);
    await blockMember(other.id, me.id);

    const data = await exportMemberData(me.id);
    expect(Object.keys(data).sort()).toEqual([...memberColumns().values()].map((t) => t.sqlName).sort());
    expect(data.users).toHaveLength(1);
    expect(data.users[0]).toMatchObject({ id: me.id, email: me.email, bio: "I like walks" });
    expect(data.users[0]).not.toHaveProperty("passwordHash");
    expect(data.groups.map((g) => g.id)).toEqual([group.id]);
    expect(data.groups[0]).not.toHaveProperty("inviteCode");
    expect(data.memberships).toHaveLength(1);
    expect(data.rsvps.map((r) => r.userId)).toEqual([me.id]);
    expect(data.notifications.length).toBeGreaterThan(0);
    // My block is mine; that someone blocked me is never told.
    expect(data.blocks).toEqual([expect.objectContaining({ blockerId: me.id, blockedId: other.id })]);
    expect(JSON.stringify(data)).not.toContain(other.email);
  });
});
