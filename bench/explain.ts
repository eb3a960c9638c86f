/*
 * EXPLAIN (ANALYZE, BUFFERS) of the queries behind the listing, search, home, a member's
 * upcoming list, their RSVP history and the group page, on the scale database. The SQL is the
 * app's own: the real query functions run against a database handle whose logger keeps each
 * statement and its parameters, and each statement is then explained with those parameters.
 */
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";

export interface Explained {
  query: string;
  statement: number;
  sql: string;
  /** Median execution time of three runs, in ms. */
  executionMs: number;
  /** Plan nodes that read activities or rsvps sequentially. */
  seqScans: string[];
  ok: boolean;
}

export const EXPLAIN_TARGET_MS = 5;

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
}

function seqScansOf(node: PlanNode, found: string[] = []): string[] {
  if (node["Node Type"] === "Seq Scan" && (node["Relation Name"] === "activities" || node["Relation Name"] === "rsvps")) found.push(`Seq Scan on ${node["Relation Name"]}`);
  for (const child of node.Plans ?? []) seqScansOf(child, found);
  return found;
}

export async function explainAtScale(url: string, member: { email: string }): Promise<Explained[]> {
  const schema = await import("@/db/schema");
  const { useDbHandle, closeDb } = await import("@/db/client");
  const captured: Array<{ query: string; params: unknown[] }> = [];
  const pool = new Pool({ connectionString: url, max: 2, application_name: "common-thread-bench-explain" });
  const db = drizzle(pool, { schema, logger: { logQuery: (query, params) => void captured.push({ query, params }) } });
  useDbHandle({ db: db as never, kind: "postgres", close: () => pool.end() });
  try {
    const { listActivities, listUpcomingForMember } = await import("@/db/queries/activities");
    const { listMyRsvps } = await import("@/db/queries/rsvps");
    const { getGroupForViewer } = await import("@/db/queries/groups");
    const { listProjectsOfGroup } = await import("@/db/queries/projects");
    const { activityFiltersSchema } = await import("@/lib/validation/activity-filters");
    const zone = "Europe/London";
    const [viewer] = await pool.query<{ id: string }>("select id from users where email = $1", [member.email]).then((r) => r.rows);
    if (!viewer) throw new Error(`${member.email} is not in the scale database: run npm run bench:seed.`);
    const [{ slug, id: groupId }] = (await pool.query<{ slug: string; id: string }>("select g.slug, g.id from groups g join activities a on a.group_id = g.id where g.visibility = 'public' group by g.slug, g.id order by count(*) desc limit 1")).rows;

    const cases: Array<[string, () => Promise<unknown>]> = [
      ["listing (visitor, default)", () => listActivities(activityFiltersSchema.parse({}), { viewerId: null, zone })],
      ["listing (visitor, filtered + searched)", () => listActivities(activityFiltersSchema.parse({ kind: ["walk", "hobby"], energy: ["low"], talk: ["quiet", "some_chat"], q: "walk", when: "week" }), { viewerId: null, zone })],
      ["listing (member, default)", () => listActivities(activityFiltersSchema.parse({}), { viewerId: viewer.id, zone })],
      ["search (visitor, any date)", () => listActivities(activityFiltersSchema.parse({ q: "garden" }), { viewerId: null, zone })],
      ["home: this week", () => listActivities(activityFiltersSchema.parse({ when: "week", perPage: "8" }), { viewerId: viewer.id, zone, count: false })],
      ["member's upcoming (home)", () => listUpcomingForMember(viewer.id, new Date(Date.now() + 7 * 86_400_000))],
      ["RSVP history (listMyRsvps)", () => listMyRsvps(viewer.id)],
      ["RSVP history with past (listMyRsvps)", () => listMyRsvps(viewer.id, { includePast: true })],
      ["group page: group", () => getGroupForViewer(slug, null)],
      ["group page: upcoming", () => listActivities(activityFiltersSchema.parse({ group: slug, perPage: "10" }), { viewerId: null, zone })],
      ["group page: projects", () => listProjectsOfGroup(groupId)],
    ];
    const out: Explained[] = [];
    for (const [name, run] of cases) {
      captured.length = 0;
      await run();
      const statements = [...captured];
      for (const [i, s] of statements.entries()) {
        const times: number[] = [];
        let seqScans: string[] = [];
        for (let k = 0; k < 3; k++) {
          const { rows } = await pool.query(`explain (analyze, buffers, format json) ${s.query}`, s.params as unknown[]);
          const plan = (rows[0] as Record<string, Array<{ Plan: PlanNode; "Execution Time": number }>>)["QUERY PLAN"][0];
          times.push(plan["Execution Time"]);
          seqScans = seqScansOf(plan.Plan);
        }
        times.sort((a, b) => a - b);
        const executionMs = +times[1].toFixed(2);
        out.push({ query: name, statement: i + 1, sql: s.query.slice(0, 300), executionMs, seqScans, ok: executionMs <= EXPLAIN_TARGET_MS && seqScans.length === 0 });
      }
    }
    return out;
  } finally {
    await closeDb();
  }
}
