import { afterAll, beforeAll, inject } from "vitest";
import { closeDb, getDbHandle, useDbHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";

/*
 * Every test file gets a database with the real migrations applied: the run's throwaway
 * PostgreSQL database when DATABASE_URL is set, otherwise a fresh in-memory PGlite.
 */
beforeAll(async () => {
  const url = inject("testDatabaseUrl");
  if (url) {
    process.env.DATABASE_URL = url;
    await getDbHandle();
  } else {
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DATA_DIR = "memory://";
    const handle = await getDbHandle();
    await runMigrations(handle);
    useDbHandle(handle);
  }
});

afterAll(async () => {
  await closeDb();
});
