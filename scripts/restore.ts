import fs from "node:fs";
import { restoreBackup } from "@/db/backup";
import { closeDb, getDbHandle } from "@/db/client";

/*
 * `npm run db:restore -- <file>`: loads a backup written by `npm run db:backup` into an empty
 * database (a new PostgreSQL database named by DATABASE_URL, or a new embedded folder named by
 * PGLITE_DATA_DIR), all of it or nothing, then applies any migration written since.
 */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error("Name the backup to restore: npm run db:restore -- .data/backups/common-thread-….sql");
  const text = fs.readFileSync(file, "utf8");
  const handle = await getDbHandle();
  try {
    const { rows } = await restoreBackup(handle, text);
    console.log(`Restored ${rows} rows from ${file} into the ${handle.kind === "pglite" ? "embedded database" : "PostgreSQL database"}.`);
  } finally {
    await closeDb();
  }
}

main().catch((error: unknown) => {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
