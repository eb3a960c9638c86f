import fs from "node:fs";
import path from "node:path";
import { writeBackup } from "@/db/backup";
import { closeDb, getDbHandle } from "@/db/client";

/*
 * `npm run db:backup [-- <file>]`: writes a backup of the hub's database (the embedded one, or
 * DATABASE_URL) to <file>, by default .data/backups/common-thread-<date and time>.sql. The
 * embedded database can be backed up only while the hub is stopped (one process opens it).
 */
async function main(): Promise<void> {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const file = path.resolve(process.argv[2] ?? path.join(".data", "backups", `common-thread-${stamp}.sql`));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const out = fs.openSync(partial, "w", 0o600);
  const handle = await getDbHandle();
  try {
    const summary = await writeBackup(handle, (chunk) => void fs.writeSync(out, chunk));
    fs.closeSync(out);
    // Only a finished backup takes the name: a cut-short one is never mistaken for it.
    fs.renameSync(partial, file);
    console.log(`Backed up ${summary.rows} rows of ${summary.tables} tables (${handle.kind === "pglite" ? "embedded database" : "PostgreSQL"}) to ${file}`);
  } catch (error) {
    fs.closeSync(out);
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    await closeDb();
  }
}

main().catch((error: unknown) => {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
