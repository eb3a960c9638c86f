import { Client } from "pg";

/*
 * With DATABASE_URL set, the integration tests run on real PostgreSQL: this makes a
 * throwaway database for the run (migrated once), hands its URL to the test workers,
 * and drops it afterwards. Without it, every test file opens its own in-memory PGlite.
 */
export default async function setup({ provide }: { provide: (key: string, value: unknown) => void }) {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    provide("testDatabaseUrl", "");
    return;
  }
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
  }
}
