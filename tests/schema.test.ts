import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { makeActivity, makeGroup } from "./helpers/factories";

describe("the migrated schema", () => {
  it("finds an activity by words in its title through the full-text index", async () => {
    const db = await getDb();
    const group = await makeGroup();
    const activity = await makeActivity(group.id, { title: "Riverside litter pick with tea" });
    const found = (await db.execute(sql`select id from activities where search @@ websearch_to_tsquery('english', 'litter picking')`)) as unknown as { rows: { id: string }[] };
    expect(found.rows.map((r) => r.id)).toContain(activity.id);
  });

  it("refuses an activity that ends before it starts", async () => {
    const group = await makeGroup();
    await expect(makeActivity(group.id, { endsAt: new Date(Date.now() - 3600_000) })).rejects.toThrow();
  });
});
