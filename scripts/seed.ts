import { closeDb, getDbHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seedDemo, seedDemoIfEmpty, wipeAllData } from "@/db/seed";

/*
 * `npm run db:seed`: migrates, then seeds the demo town when there are no members yet.
 * `npm run db:seed -- --reset` empties every table first and seeds afresh.
 */
async function main(): Promise<void> {
  const reset = process.argv.includes("--reset");
  const handle = await getDbHandle();
  const where = handle.kind === "pglite" ? "embedded database" : "PostgreSQL database";
  try {
    await runMigrations(handle);
    if (reset) {
      await wipeAllData(handle.db);
      const summary = await seedDemo(handle.db);
      console.log(
        `Demo town reset in the ${where}: ${summary.users} members, ${summary.groups} groups, ${summary.activities} activities, ${summary.rsvps} RSVPs.`,
      );
    } else if (await seedDemoIfEmpty(handle.db)) {
      console.log(`Demo town seeded in the ${where}; sign in as member@example.com with the password commonthread.`);
    } else {
      console.log(`The ${where} already has members; nothing seeded (use --reset to start again).`);
    }
  } finally {
    await closeDb();
  }
}

main().catch((error: unknown) => {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
