import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDb, getDbHandle, openEmbedded, useDbHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";

/*
 * Every test file gets a database with the real migrations applied: the run's throwaway
 * PostgreSQL database when DATABASE_URL is set, otherwise an in-memory PGlite of its own,
 * loaded from the migrated copy made once in global-setup.ts (runMigrations then finds
 * nothing left to apply, and would apply a migration the copy lacked).
 */
beforeAll(async () => {
  // Pictures uploaded by a test file go to a folder of its own, removed with it.
  process.env.UPLOADS_DIR ??= await fs.mkdtemp(path.join(os.tmpdir(), "ct-uploads-"));
  const url = inject("testDatabaseUrl");
  if (url) {
    process.env.DATABASE_URL = url;
    const direct = inject("testDirectUrl");
    if (direct) process.env.DIRECT_DATABASE_URL = direct;
    await getDbHandle();
  } else {
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DATA_DIR = "memory://";
    const copy = inject("embeddedCopy");
    const handle = copy ? await openEmbedded("memory://", new Blob([await fs.readFile(copy)])) : await getDbHandle();
    await runMigrations(handle);
    useDbHandle(handle);
  }
});

afterAll(async () => {
  if (process.env.UPLOADS_DIR?.includes("ct-uploads-")) await fs.rm(process.env.UPLOADS_DIR, { recursive: true, force: true });
  await closeDb();
});
