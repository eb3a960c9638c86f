import { closeDb, getDbHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";

/*
 * `npm run db:migrate`: applies the committed migrations to the embedded database
 * (.data/pglite) or to DATABASE_URL, then closes it so the embedded lock is released.
 */
async function main(): Promise<void> {
  const handle = await getDbHandle();
  try {
    await runMigrations(handle);
    console.log(`Migrations applied (${handle.kind === "pglite" ? "embedded database" : "PostgreSQL"}).`);
  } finally {
    await closeDb();
  }
}

main().catch((error: unknown) => {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
