import fs from "node:fs";
import path from "node:path";
import { compareDatabases, restoreBackup, writeBackup } from "@/db/backup";
import { embeddedDataDir, openEmbedded, openPostgres } from "@/db/client";

/*
 * `npm run db:move-to-postgres -- postgres://user@host:5432/commonthread`: moves the embedded
 * database (PGLITE_DATA_DIR, by default .data/pglite) onto an empty PostgreSQL database. It
 * keeps a backup of the embedded database under .data/backups on the way, then compares every
 * row of every table on both sides. The embedded database is left as it was; stop the hub first.
 */
async function main(): Promise<void> {
  const url = process.argv[2];
  if (!url || !/^postgres(ql)?:\/\//.test(url)) throw new Error("Name the PostgreSQL database to move onto: npm run db:move-to-postgres -- postgres://user@host:5432/commonthread");
  const from = await openEmbedded(embeddedDataDir());
  const to = await openPostgres(url, "common-thread-move");
  try {
    const chunks: string[] = [];
    const summary = await writeBackup(from, (chunk) => void chunks.push(chunk));
    const text = chunks.join("");
    const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
    const kept = path.resolve(".data", "backups", `common-thread-${stamp}-before-move.sql`);
    fs.mkdirSync(path.dirname(kept), { recursive: true });
    fs.writeFileSync(kept, text, { mode: 0o600 });
    await restoreBackup(to, text);
    const differences = await compareDatabases(from.db, to.db);
    if (differences.length > 0) throw new Error(`The copy differs from the embedded database: ${differences.join("; ")}`);
    console.log(`Moved ${summary.rows} rows of ${summary.tables} tables onto PostgreSQL, every row compared. A backup of the embedded database is at ${kept}.`);
    console.log(`Now start the hub with DATABASE_URL=${url.replace(/\/\/[^@/]*@/, "//…@")} (and AUTH_SECRET; see docs/operations.md).`);
  } finally {
    await from.close();
    await to.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Moving failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
