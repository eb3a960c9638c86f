import { afterEach, describe, expect, it } from "vitest";
import { isConnectionError, isDroppedConnection, isPoolBusy } from "@/db/availability";
import { SESSION_TIMEOUTS, sessionSettings } from "@/db/client";
import { configurationProblem, reloadEnv } from "@/lib/env";

/* The settings for reaching PostgreSQL through PgBouncer in transaction mode (docs/operations.md). */

const KEYS = ["DATABASE_URL", "DATABASE_POOLER", "DIRECT_DATABASE_URL"] as const;
const before = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));

function set(values: Partial<Record<(typeof KEYS)[number], string>>) {
  for (const key of KEYS) {
    if (values[key] === undefined) delete process.env[key];
    else process.env[key] = values[key];
  }
  reloadEnv();
}

describe("reaching PostgreSQL through PgBouncer", () => {
  afterEach(() => set(before as Record<string, string>));

  it("refuses to start through the pooler without a direct address for migrations, and says why", () => {
    set({ DATABASE_URL: "postgres://hub@127.0.0.1:6432/hub", DATABASE_POOLER: "pgbouncer" });
    expect(configurationProblem()).toMatch(/DIRECT_DATABASE_URL must be set when DATABASE_POOLER=pgbouncer/);
    set({ DATABASE_URL: "postgres://hub@127.0.0.1:6432/hub", DATABASE_POOLER: "pgbouncer", DIRECT_DATABASE_URL: "postgres://hub@127.0.0.1:5432/hub" });
    expect(configurationProblem()).toBeNull();
  });

  it("names the setting when it is mistyped", () => {
    set({ DATABASE_URL: "postgres://hub@127.0.0.1:6432/hub", DATABASE_POOLER: "pgbouncer-session" });
    expect(configurationProblem()).toMatch(/^Invalid configuration: DATABASE_POOLER/);
  });

  it("sends the timeouts with each direct connection, and nothing a pooler in transaction mode would refuse", () => {
    set({ DATABASE_URL: "postgres://hub@127.0.0.1:5432/hub" });
    expect(sessionSettings()).toEqual({ options: SESSION_TIMEOUTS });
    expect(SESSION_TIMEOUTS).toMatch(/lock_timeout=3000.*statement_timeout=15000/);
    set({ DATABASE_URL: "postgres://hub@127.0.0.1:6432/hub", DATABASE_POOLER: "pgbouncer", DIRECT_DATABASE_URL: "postgres://hub@127.0.0.1:5432/hub" });
    expect(sessionSettings()).toEqual({});
  });

  it("reads PgBouncer's own errors as what they are: a dropped connection, an unreachable database, a busy queue", () => {
    const pgbouncerSaid = (message: string) => Object.assign(new Error(message), { code: "08P01", severity: "FATAL" });
    const crashed = pgbouncerSaid("server conn crashed?");
    expect([isConnectionError(crashed), isDroppedConnection(crashed), isPoolBusy(crashed)]).toEqual([true, true, false]);
    const unreachable = pgbouncerSaid("pgbouncer cannot connect to server");
    expect([isConnectionError(unreachable), isDroppedConnection(unreachable), isPoolBusy(unreachable)]).toEqual([true, false, false]);
    const waited = pgbouncerSaid("query_wait_timeout");
    expect([isConnectionError(waited), isPoolBusy(waited)]).toEqual([false, true]);
    // The same SQLSTATE from PostgreSQL itself (a protocol violation) is neither.
    const violation = Object.assign(new Error("invalid message format"), { code: "08P01" });
    expect([isConnectionError(violation), isPoolBusy(violation)]).toEqual([false, false]);
  });
});
