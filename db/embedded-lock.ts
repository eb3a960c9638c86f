import fs from "node:fs";
import path from "node:path";

/*
 * PGlite has no locking of its own: two processes opening one data folder silently lose
 * writes and can corrupt it. This lock file makes a second opener fail at once with a
 * clear message instead. `wx` creation is atomic, so two processes starting together
 * cannot both win; a lock left by a process that has died is taken over.
 */

export class EmbeddedDatabaseBusyError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database in ${dataDir} is already open in process ${pid}. ` +
        `Only one process may open it: stop that process (npm run dev / npm start / a seed or migrate script), ` +
        `use another PGLITE_DATA_DIR, or set DATABASE_URL to share a PostgreSQL server between processes.`,
    );
    this.name = "EmbeddedDatabaseBusyError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the lock for `dataDir` for this process, or throws EmbeddedDatabaseBusyError. Returns a release function. */
export function acquireEmbeddedLock(dataDir: string): () => void {
  const lockPath = `${path.resolve(dataDir)}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, "wx");
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      const release = () => {
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(fs.readFileSync(lockPath, "utf8"), 10);
      if (holder === process.pid) throw new EmbeddedDatabaseBusyError(dataDir, holder);
      if (Number.isFinite(holder) && isAlive(holder)) throw new EmbeddedDatabaseBusyError(dataDir, holder);
      // The holder died without cleaning up: remove its stale lock and try once more.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock for the embedded database in ${dataDir}.`);
}
