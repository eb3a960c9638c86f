import { Client } from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import path from "node:path";

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

export async function runMigrationsAt(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.end();
  }
}

/** A new in-memory PGlite with every migration applied, saved as an uncompressed data folder. */
export async function migratedEmbeddedCopy(): Promise<Buffer> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle: drizzlePglite } = await import("drizzle-orm/pglite");
  const { migrate: migratePglite } = await import("drizzle-orm/pglite/migrator");
  const client = await PGlite.create("memory://");
  try {
    await migratePglite(drizzlePglite(client), { migrationsFolder });
    return Buffer.from(await (await client.dumpDataDir("none")).arrayBuffer());
  } finally {
    await client.close();
  }
}
