import { Client } from "pg";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type DbHandle } from "@/db/client";
import { users } from "@/db/schema";
import { guarded } from "@/lib/api/http";
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
    admin = new Client({ connectionString: process.env.DATABASE_URL });
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
});
