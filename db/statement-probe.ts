import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";

/*
 * The statement probe (SQL_STATEMENT_PROBE=on): counts the SQL statements each HTTP request
 * runs, so the benchmark and the browser tests can hold pages to a budget ("an activity page
 * reads the database at most five times"). Every request runs inside its own counter; the
 * database client's logger adds one per statement it sends; when the response finishes, the
 * count is kept with the request's path among the last few hundred. Work outside a request
 * (the job runner) is not counted. Off by default: then nothing here is installed.
 *
 * SQL_STATEMENT_PROBE=explain also keeps each statement of a labelled request whole with its
 * parameters, so the benchmark can EXPLAIN every statement a page runs (bench/explain.ts). Parameters are members'
 * data: only for a benchmark's own database, never a real site.
 */

interface Counter {
  statements: number;
  /** The start of each statement's text (never its parameters), to see which ran. */
  texts: string[];
  /** With SQL_STATEMENT_PROBE=explain only: each statement whole, with its parameters. */
  statementsWithParams?: ProbedStatement[];
}

export interface ProbedStatement {
  sql: string;
  params: unknown[];
}

export interface CountedRequest {
  method: string;
  path: string;
  /** The request's `x-statement-probe-label` header, so a test can find its own request among others. */
  label: string | null;
  status: number;
  statements: number;
  texts: string[];
  statementsWithParams?: ProbedStatement[];
}

const KEPT = 500;
export const PROBE_LABEL_HEADER = "x-statement-probe-label";
// On globalThis: Next bundles instrumentation, pages and route handlers separately, and all of
// them must share one counter store and one list.
const state = globalThis as unknown as { __ctStatementProbe?: { installed: boolean; recent: CountedRequest[]; store: AsyncLocalStorage<Counter> } };
const probe = (state.__ctStatementProbe ??= { installed: false, recent: [], store: new AsyncLocalStorage<Counter>() });
const store = probe.store;

export function statementProbeOn(): boolean {
  return process.env.SQL_STATEMENT_PROBE === "on" || statementsKeptWhole();
}

/** Whether statements are kept whole, with their parameters, for EXPLAIN. */
export function statementsKeptWhole(): boolean {
  return process.env.SQL_STATEMENT_PROBE === "explain";
}

/** Drizzle's logger when the probe is on: one statement for the request being served, if any. */
export const countingLogger = {
  logQuery(query: string, params: unknown[] = []): void {
    const counter = store.getStore();
    if (!counter) return;
    counter.statements++;
    if (counter.texts.length < 50) counter.texts.push(query.slice(0, 160));
    if (counter.statementsWithParams && counter.statementsWithParams.length < 200) counter.statementsWithParams.push({ sql: query, params: params.map(plain) });
  },
};

/** A parameter as JSON carries it and PostgreSQL reads it back: instants as ISO text, bytes as hex. */
function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return `\\x${value.toString("hex")}`;
  return value;
}

/** Runs every request the server receives inside a counter of its own. Called once at start-up. */
export function installStatementProbe(): void {
  if (probe.installed || !statementProbeOn()) return;
  probe.installed = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    const call = () => (emit as (this: http.Server, event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
    if (event !== "request") return call();
    const req = args[0] as http.IncomingMessage;
    const res = args[1] as http.ServerResponse;
    // Whole statements only for a labelled request (the benchmark's own probe), so a server under
    // load keeps no more than it would with the probe merely on.
    const whole = statementsKeptWhole() && typeof req.headers[PROBE_LABEL_HEADER] === "string";
    const counter: Counter = { statements: 0, texts: [], ...(whole ? { statementsWithParams: [] } : {}) };
    res.once("finish", () => {
      const path = (req.url ?? "").split("?")[0];
      const label = req.headers[PROBE_LABEL_HEADER];
      probe.recent.push({ method: req.method ?? "GET", path, label: typeof label === "string" ? label.slice(0, 100) : null, status: res.statusCode, statements: counter.statements, texts: counter.texts, statementsWithParams: counter.statementsWithParams });
      if (probe.recent.length > KEPT) probe.recent.splice(0, probe.recent.length - KEPT);
    });
    return store.run(counter, call);
  } as typeof emit;
}

/** The requests counted most recently, oldest first. */
export function recentlyCounted(): CountedRequest[] {
  return [...probe.recent];
}

/**
 * The statements `work` sends, whole with their parameters (for a test that reads their plans).
 * The probe must have been on (SQL_STATEMENT_PROBE=explain) when the database was opened.
 */
export async function captureStatements(work: () => Promise<unknown>): Promise<ProbedStatement[]> {
  const counter: Counter = { statements: 0, texts: [], statementsWithParams: [] };
  await store.run(counter, work);
  return counter.statementsWithParams!;
}
