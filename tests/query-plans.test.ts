import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { listActivities } from "@/db/queries/activities";
import { getMilestoneFacts, listMyCheckInTimes, listMyReflections } from "@/db/queries/connection-facts";
import { findPlace, forgetKnownPlaces, listNeighbourhoods } from "@/db/queries/places";
import { listWorkDays } from "@/db/queries/projects";
import { captureStatements, type ProbedStatement } from "@/db/statement-probe";
import { organizedGroup } from "./helpers/connection";
import { activityFiltersSchema } from "@/lib/validation/activity-filters";
import { makeActivity, makeGroup, makeProject, makeUser } from "./helpers/factories";

/*
 * The reads that grow with the hub are served by an index, never by reading the whole table.
 * Each query's own statements (caught whole with their parameters) are planned with sequential
 * scans switched off: a table with no index that fits is still read sequentially then, so the
 * plan names the table however little data a test holds.
 */
process.env.SQL_STATEMENT_PROBE = "explain";

interface PlanNode {
  "Node Type": string;
  "Plan Rows"?: number;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

interface Connection {
  query: (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
  release?: () => void;
}

function nodes(node: PlanNode, out: PlanNode[] = []): PlanNode[] {
  out.push(node);
  for (const child of node.Plans ?? []) nodes(child, out);
  return out;
}

/** Every plan node of the statements, planned with sequential scans off (or as PostgreSQL would). */
async function planned(statements: ProbedStatement[], seqScans: "off" | "on" = "off"): Promise<PlanNode[]> {
  const db = await getDb();
  const client = (db as unknown as { $client: Connection & { connect?: () => Promise<Connection> } }).$client;
  const conn = client.connect ? await client.connect() : client;
  try {
    if (seqScans === "off") await conn.query("set enable_seqscan = off");
    const found: PlanNode[] = [];
    for (const s of statements) {
      const { rows } = await conn.query(`explain (format json) ${s.sql}`, s.params);
      const raw = rows[0]["QUERY PLAN"];
      const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode }>;
      found.push(...nodes(plan[0].Plan));
    }
    return found;
  } finally {
    await conn.query("reset enable_seqscan");
    conn.release?.();
  }
}

const seqScansOf = (plan: PlanNode[], table: string) => plan.filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === table);
const indexesUsed = (plan: PlanNode[]) => plan.map((n) => n["Index Name"]).filter(Boolean);

describe("the reads that grow with the hub use an index", () => {
  it("a project's work days are found through the project's index, not by reading every activity", async () => {
    const org = await organizedGroup();
    const project = await makeProject(org.group.id);
    await makeActivity(org.group.id, { projectId: project.id, kind: "volunteer" });
    let days: unknown[] = [];
    const plan = await planned(await captureStatements(async () => void (days = await listWorkDays(project.id))));
    expect(days).toHaveLength(1);
    expect(seqScansOf(plan, "activities")).toEqual([]);
    expect(indexesUsed(plan)).toContain("activities_project_starts_at_idx");
  });

  it("a member's own check-ins and reflections are found through their author's index", async () => {
    const sam = await makeUser();
    const plan = await planned(
      await captureStatements(async () => {
        await listMyCheckInTimes(sam.id);
        await listMyReflections(sam.id);
        await getMilestoneFacts(sam.id);
      }),
    );
    expect(seqScansOf(plan, "check_ins")).toEqual([]);
    expect(seqScansOf(plan, "reflections")).toEqual([]);
    expect(indexesUsed(plan)).toEqual(expect.arrayContaining(["check_ins_author_idx", "reflections_user_idx"]));
  });
});

describe("the places the hub knows", () => {
  it("the neighbourhood list and a search near a place read the known places, never the activities", async () => {
    const group = await makeGroup();
    await makeActivity(group.id, { neighbourhood: "Riverside", placeName: "Bandstand", latitude: 53.7948, longitude: -1.5402 });
    forgetKnownPlaces();
    let found: Awaited<ReturnType<typeof findPlace>>;
    const plan = await planned(await captureStatements(async () => void (found = await findPlace("bandstand"))));
    expect(found).toBeDefined();
    expect(plan.filter((n) => n["Relation Name"] === "activities")).toEqual([]);
    expect(plan.map((n) => n["Relation Name"])).toEqual(expect.arrayContaining(["known_neighbourhoods", "known_places"]));
    expect(await listNeighbourhoods()).toEqual(expect.arrayContaining([expect.objectContaining({ label: "Riverside" })]));
  });
});

describe("words searched within dates", () => {
  it("PostgreSQL knows how many activities a common word matches, so it does not read every group for each one", async () => {
    const group = await makeGroup();
    for (let i = 0; i < 120; i++) {
      await makeActivity(group.id, { kind: i % 2 ? "walk" : "hobby", title: i % 2 ? "Lunchtime stroll" : "Board games", startsInHours: 2 + i });
    }
    const db = await getDb();
    await db.execute(sql`analyze activities`);
    const filters = activityFiltersSchema.parse({ q: "walk", when: "week", group: group.slug });
    const found = (await listActivities(filters, { viewerId: null, zone: "Europe/London" })).total;
    expect(found).toBeGreaterThan(20);
    // The listing matches a word within dates on this expression (db/queries/activities.ts).
    // Without statistics on it PostgreSQL guesses a fixed small share of the table (one row
    // here); with them its guess follows what the word really matches. Measured on the whole
    // table, so other test files' rows in a shared database count on both sides alike.
    const words = sql`coalesce(${sql.raw('"search"')}, ''::tsvector) @@ websearch_to_tsquery('english', 'walk')`;
    const counted = (await db.execute(sql`select count(*)::int as n from activities where ${words}`)) as unknown as { rows: { n: number }[] };
    const actual = Number(counted.rows[0].n);
    const explained = (await db.execute(sql`explain (format json) select 1 from activities where ${words}`)) as unknown as { rows: Record<string, unknown>[] };
    const raw = explained.rows[0]["QUERY PLAN"];
    const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode }>;
    const estimate = plan[0].Plan["Plan Rows"] ?? 0;
    expect(actual).toBeGreaterThanOrEqual(60);
    expect(estimate).toBeGreaterThan(actual / 3);
  });
});
