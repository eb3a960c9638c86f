import { Client } from "pg";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseStatus, isConnectionError, setDatabaseStatus } from "@/db/availability";
import { openPostgres, type DbHandle } from "@/db/client";
import { users } from "@/db/schema";
import { guarded } from "@/server/api/http";
import { usingPostgres } from "./helpers/factories";

/*
 * PostgreSQL only: connections killed under the app (a restart, pg_terminate_backend) and a
 * database that is not there. Reads are tried again on a fresh connection; a transaction
 * that lost its connection before COMMIT is run again; a write that may have committed is
 * never repeated; what still fails is a 503 the caller can retry, never a 500 or a crash.
 */
describe.skipIf(!usingPostgres())("a lost database connection", () => {
  const name = `ct-loss-${process.pid}-${Date.now()}`;
  let handle: DbHandle;
  let admin: Client;

  beforeAll(async () => {
    handle = await openPostgres(process.env.DATABASE_URL!, name);
    // The one that ends connections goes straight to PostgreSQL, also when the pool goes through PgBouncer.
    admin = new Client({ connectionString: process.env.DIRECT_DATABASE_URL || process.env.DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await handle?.close().catch(() => undefined);
    await admin?.end();
  });

  /** Ends every connection this test's pool holds, as a database restart would. */
  async function killConnections(): Promise<number> {
    const { rows } = await admin.query("select pg_terminate_backend(pid) as ok from pg_stat_activity where application_name = $1", [name]);
    // Give the pool a moment to see its idle connections go.
    await new Promise((r) => setTimeout(r, 100));
    return rows.length;
  }

  /** Fills the pool with idle connections, so the next queries meet dead ones. */
  async function warmPool() {
    await Promise.all(Array.from({ length: 5 }, () => handle.db.execute(sql`select pg_sleep(0.05)`)));
  }

  it("reads succeed straight after every connection was killed, and nothing crashes", async () => {
    for (let round = 0; round < 5; round++) {
      await warmPool();
      expect(await killConnections()).toBeGreaterThan(0);
      const results = await Promise.all(Array.from({ length: 10 }, () => handle.db.execute(sql`select 1 as one`)));
      for (const r of results) expect((r as unknown as { rows: unknown[] }).rows[0]).toEqual({ one: 1 });
    }
  });

  it("a transaction whose connection keeps dying is tried again, at most four times in all, then the API answers 503 'try again' and nothing is written", async () => {
    const email = `lost-write-${Date.now()}@example.org`;
    let runs = 0;
    const res = await guarded(async () => {
      await handle.db.transaction(async (tx) => {
        runs++;
        await tx.insert(users).values({ name: "Lost write", email, passwordHash: "x" });
        // The connection is killed before the transaction can commit.
        await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and pid <> pg_backend_pid()", [name]);
        await tx.execute(sql`select 1`);
      });
      return new Response("committed");
    });
    // Run again while the loss came before COMMIT; a COMMIT that went out is never repeated.
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(runs).toBeLessThanOrEqual(4);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBeTruthy();
    expect((await res.json()).error).toMatchObject({ code: "try_again", message: expect.stringMatching(/try again/i) });
    const { rows } = await admin.query("select count(*)::int as n from users where email = $1", [email]);
    expect(rows[0].n).toBe(0);
  });

  it("a transaction whose connection dies once before COMMIT is run again on a fresh one and commits once", async () => {
    const email = `retried-write-${Date.now()}@example.org`;
    let runs = 0;
    await handle.db.transaction(async (tx) => {
      runs++;
      await tx.insert(users).values({ name: "Retried write", email, passwordHash: "x" });
      if (runs === 1) {
        await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and pid <> pg_backend_pid()", [name]);
        await tx.execute(sql`select 1`);
      }
    });
    expect(runs).toBe(2);
    const { rows } = await admin.query("select count(*)::int as n from users where email = $1", [email]);
    expect(rows[0].n).toBe(1);
  });

  it("a database where nothing listens is a 503 within a few seconds, not a hang or a 500", async () => {
    const nowhere = new URL(process.env.DATABASE_URL!);
    nowhere.hostname = "127.0.0.1";
    nowhere.port = "9"; // discard: nothing listens there
    const away = await openPostgres(nowhere.toString(), `${name}-nowhere`);
    try {
      const started = Date.now();
      const res = await guarded(async () => {
        await away.db.execute(sql`select 1`);
        return new Response("answered");
      });
      expect(res.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await away.close().catch(() => undefined);
    }
  });
  /** A pool of `size` connections on this test's database. */
  async function poolOf(size: number, label: string): Promise<DbHandle> {
    const before = process.env.DATABASE_POOL_SIZE;
    process.env.DATABASE_POOL_SIZE = String(size);
    try {
      return await openPostgres(process.env.DATABASE_URL!, `${name}-${label}`);
    } finally {
      if (before === undefined) delete process.env.DATABASE_POOL_SIZE;
      else process.env.DATABASE_POOL_SIZE = before;
    }
  }

  it("a request that waits its turn for a busy pool's connection longer than the connect timeout is served, not told the database is away", async () => {
    const busy = await poolOf(2, "busy");
    try {
      const answers = await Promise.all(
        Array.from({ length: 3 }, () =>
          guarded(async () => {
            await busy.db.execute(sql`select pg_sleep(2.2)`);
            return new Response("answered");
          }),
        ),
      );
      // Two at a time: the third read waited 2.2 s for a connection, past the 2 s connect timeout.
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      const waited = await Promise.all(
        Array.from({ length: 3 }, () =>
          guarded(async () => {
            await busy.db.transaction(async (tx) => void (await tx.execute(sql`select pg_sleep(2.2)`)));
            return new Response("committed");
          }),
        ),
      );
      // So did the third transaction.
      expect(waited.map((a) => a.status)).toEqual([200, 200, 200]);
    } finally {
      await busy.close().catch(() => undefined);
    }
  });

  it("requests waiting for a connection are answered at once when the database is found away, not left queueing", async () => {
    const busy = await poolOf(1, "away");
    const before = databaseStatus();
    try {
      setDatabaseStatus("ready");
      const holding = busy.db.execute(sql`select pg_sleep(2)`).then(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
      const started = Date.now();
      const queued = guarded(async () => {
        await busy.db.execute(sql`select 1`);
        return new Response("answered");
      });
      await new Promise((r) => setTimeout(r, 300));
      setDatabaseStatus("unavailable", "test");
      const res = await queued;
      expect(res.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(1_000);
      await holding;
    } finally {
      if (before) setDatabaseStatus(before.state, before.reason);
      await busy.close().catch(() => undefined);
    }
  });

  it("a database that stops accepting connections (ALLOW_CONNECTIONS false, SQLSTATE 55000) is a 503 with Retry-After, not a 500", async () => {
    const closed = `ct_closed_${process.pid}_${Date.now().toString(36)}`;
    await admin.query(`create database ${closed}`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${closed}`;
    const away = await openPostgres(url.toString(), `${name}-closed`);
    try {
      await away.db.execute(sql`select 1`);
      await admin.query(`alter database ${closed} allow_connections false`);
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1", [closed]);
      const res = await guarded(async () => {
        await away.db.execute(sql`select 1`);
        return new Response("answered");
      });
      expect(res.status).toBe(503);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await res.json()).error).toMatchObject({ code: "try_again" });
    } finally {
      await away.close().catch(() => undefined);
      await admin.query(`drop database if exists ${closed} with (force)`);
    }
  });

  it("a server refusing connections as it starts or stops, or with every slot taken, is counted away", () => {
    const serverSaid = (code: string, message: string) => Object.assign(new Error(message), { code });
    expect(isConnectionError(serverSaid("55000", 'database "hub" is not currently accepting connections'))).toBe(true);
    expect(isConnectionError(serverSaid("57P03", "the database system is starting up"))).toBe(true);
    expect(isConnectionError(serverSaid("53300", "sorry, too many clients already"))).toBe(true);
    // The same class for something else is an ordinary error.
    expect(isConnectionError(serverSaid("55000", "currval of sequence \"s\" is not yet defined in this session"))).toBe(false);
    // Waiting for a busy pool is not a lost database.
    expect(isConnectionError(new Error("timeout exceeded when trying to connect"))).toBe(false);
  });
});
