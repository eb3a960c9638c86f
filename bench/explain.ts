/*
 * EXPLAIN (ANALYZE, BUFFERS) of every statement each benchmarked page and route runs, on the scale
 * database. The statements are not a chosen list: the server runs with SQL_STATEMENT_PROBE=explain,
 * which keeps every statement a request sends whole with its parameters (db/statement-probe.ts),
 * and each is explained here with those parameters. A read is run three times (median); a write
 * runs inside a transaction that is rolled back, and one that cannot run again (a key it already
 * wrote) is only planned. Each must take at most EXPLAIN_TARGET_MS and read no table of more than
 * LARGE_TABLE_ROWS rows sequentially.
 */
import { Pool, type PoolClient } from "pg";
import type { ProbedStatement } from "@/db/statement-probe";

export interface Explained {
  route: string;
  statement: number;
  sql: string;
  /** Median execution time of three runs, in ms; null when the statement could only be planned. */
  executionMs: number | null;
  /** Sequential scans of tables over LARGE_TABLE_ROWS rows, e.g. "Seq Scan on activities (100000 rows)". */
  seqScans: string[];
  note?: string;
  ok: boolean;
}

export const EXPLAIN_TARGET_MS = 5;
export const LARGE_TABLE_ROWS = 10_000;

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
}

/** The plan's sequential scans of tables larger than LARGE_TABLE_ROWS. */
export function largeSeqScans(node: PlanNode, rows: Map<string, number>, found: string[] = []): string[] {
  const relation = node["Relation Name"];
  if (node["Node Type"] === "Seq Scan" && relation && (rows.get(relation) ?? 0) > LARGE_TABLE_ROWS) found.push(`Seq Scan on ${relation} (${rows.get(relation)} rows)`);
  for (const child of node.Plans ?? []) largeSeqScans(child, rows, found);
  return found;
}

const EXPLAINABLE = /^\s*(select|with|insert|update|delete)\b/i;
const READ = /^\s*(select|with)\b/i;

type Plan = { Plan: PlanNode; "Execution Time"?: number };

async function plan(client: PoolClient, s: ProbedStatement, analyze: boolean): Promise<Plan> {
  const { rows } = await client.query(`explain (${analyze ? "analyze, buffers, " : ""}format json) ${s.sql}`, s.params);
  return (rows[0] as Record<string, Plan[]>)["QUERY PLAN"][0];
}

async function explainOne(client: PoolClient, s: ProbedStatement, rows: Map<string, number>): Promise<Omit<Explained, "route" | "statement" | "sql">> {
  const write = !READ.test(s.sql) || /\b(insert|update|delete)\b/i.test(s.sql.slice(0, 40));
  const times: number[] = [];
  let last: Plan | undefined;
  try {
    for (let k = 0; k < 3; k++) {
      if (write) await client.query("begin");
      try {
        last = await plan(client, s, true);
        times.push(last["Execution Time"] ?? 0);
      } finally {
        if (write) await client.query("rollback");
      }
    }
  } catch (error) {
    if (!write) throw error;
    // A write that cannot run twice (the row it made is there now) is judged by its plan alone.
    const planned = await plan(client, s, false);
    const seqScans = largeSeqScans(planned.Plan, rows);
    return { executionMs: null, seqScans, note: `planned only: ${(error as Error).message.split("\n")[0]}`, ok: seqScans.length === 0 };
  }
  times.sort((a, b) => a - b);
  const executionMs = +times[1].toFixed(2);
  const seqScans = largeSeqScans(last!.Plan, rows);
  return { executionMs, seqScans, ok: executionMs <= EXPLAIN_TARGET_MS && seqScans.length === 0 };
}

/** Explains every statement of every route; identical statements (same text and parameters) are run once. */
export async function explainStatements(url: string, byRoute: Array<{ route: string; statements: ProbedStatement[] }>): Promise<Explained[]> {
  const pool = new Pool({ connectionString: url, max: 1, application_name: "common-thread-bench-explain" });
  const client = await pool.connect();
  try {
    const sizes = await client.query<{ name: string; rows: number }>("select relname as name, greatest(reltuples, 0)::bigint::int as rows from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace");
    const rows = new Map(sizes.rows.map((r) => [r.name, Number(r.rows)]));
    const seen = new Map<string, Omit<Explained, "route" | "statement" | "sql">>();
    const out: Explained[] = [];
    for (const { route, statements } of byRoute) {
      for (const [i, s] of statements.entries()) {
        if (!EXPLAINABLE.test(s.sql)) continue;
        const key = `${s.sql}\u0000${JSON.stringify(s.params)}`;
        let result = seen.get(key);
        if (!result) {
          try {
            result = await explainOne(client, s, rows);
          } catch (error) {
            result = { executionMs: null, seqScans: [], note: `could not be explained: ${(error as Error).message.split("\n")[0]}`, ok: false };
          }
          seen.set(key, result);
        }
        out.push({ route, statement: i + 1, sql: s.sql.replace(/\s+/g, " ").slice(0, 300), ...result });
      }
    }
    return out;
  } finally {
    client.release();
    await pool.end();
  }
}
