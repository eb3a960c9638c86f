import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";

/*
 * With DATABASE_URL set, the integration tests run on real PostgreSQL: this makes a
 * throwaway database for the run (migrated once), hands its URL to the test workers,
 * and drops it afterwards. Without it, every test file opens its own in-memory PGlite,
 * started from one copy made here: a new cluster with the real migrations applied, saved
 * once (PGlite's dumpDataDir) because creating a cluster costs each file far more than
 * loading a saved one.
 */
export default async function setup({ provide }: { provide: (key: string, value: unknown) => void }) {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    provide("testDatabaseUrl", "");
    provide("testDirectUrl", "");
    const { migratedEmbeddedCopy } = await import("./migrate-url");
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "ct-test-pglite-")), "migrated.tar");
    await fs.writeFile(file, await migratedEmbeddedCopy());
    provide("embeddedCopy", file);
    return async () => {
      await fs.rm(path.dirname(file), { recursive: true, force: true });
    };
  }
  provide("embeddedCopy", "");
  // Through PgBouncer (DATABASE_POOLER=pgbouncer), the database is made, migrated and dropped
  // on the direct address; the tests reach it through the pooler, as the hub would.
  const directAdminUrl = process.env.DIRECT_DATABASE_URL || adminUrl;
  const name = `ct_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: directAdminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const named = (base: string) => {
    const url = new URL(base);
    url.pathname = `/${name}`;
    return url.toString();
  };
  process.env.DATABASE_URL = named(adminUrl);
  if (process.env.DIRECT_DATABASE_URL) process.env.DIRECT_DATABASE_URL = named(directAdminUrl);
  const { runMigrationsAt } = await import("./migrate-url");
  await runMigrationsAt(named(directAdminUrl));
  provide("testDatabaseUrl", named(adminUrl));
  provide("testDirectUrl", process.env.DIRECT_DATABASE_URL ? named(directAdminUrl) : "");
  return async () => {
    const drop = new Client({ connectionString: directAdminUrl });
    await drop.connect();
    await drop.query(`drop database if exists ${name} with (force)`);
    await drop.end();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseUrl: string;
    /** The same database reached directly when the tests go through PgBouncer; empty otherwise. */
    testDirectUrl: string;
    /** A file holding a migrated embedded data folder; empty on PostgreSQL. */
    embeddedCopy: string;
  }
}
