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
    const { migratedEmbeddedCopy } = await import("./migrate-url");
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "ct-test-pglite-")), "migrated.tar");
    await fs.writeFile(file, await migratedEmbeddedCopy());
    provide("embeddedCopy", file);
    return async () => {
      await fs.rm(path.dirname(file), { recursive: true, force: true });
    };
  }
  provide("embeddedCopy", "");
  const name = `ct_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  const { runMigrationsAt } = await import("./migrate-url");
  await runMigrationsAt(url.toString());
  provide("testDatabaseUrl", url.toString());
  return async () => {
    const drop = new Client({ connectionString: adminUrl });
    await drop.connect();
    await drop.query(`drop database if exists ${name} with (force)`);
    await drop.end();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseUrl: string;
    /** A file holding a migrated embedded data folder; empty on PostgreSQL. */
    embeddedCopy: string;
  }
}
