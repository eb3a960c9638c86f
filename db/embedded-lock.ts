import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/*
 * PGlite has no locking of its own: two processes opening one data folder silently lose
 * writes and can corrupt it. This lock file makes a second opener fail at once with a
 * clear message instead. Creating the lock is atomic, so two processes starting together
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

/** The pid recorded in a lock file, NaN when unreadable, undefined when the file is gone. */
function readHolder(file: string): number | undefined {
  try {
    return Number.parseInt(fs.readFileSync(file, "utf8"), 10);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/*
 * Two processes may find the same dead holder at once; if both simply deleted the lock, the
 * slower one could delete the lock the faster one had just taken. So each moves the lock
 * aside under its own name (rename is atomic: only one gets any given file) and looks at
 * what it moved: the dead holder's lock is deleted, a racer's fresh lock is put back.
 */
function removeStaleLock(lockPath: string, deadPid: number, dataDir: string): void {
  const aside = `${lockPath}.stale.${process.pid}`;
  try {
    fs.renameSync(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  const moved = readHolder(aside) ?? Number.NaN;
  if (moved === deadPid || !Number.isFinite(moved) || !isAlive(moved)) {
    fs.rmSync(aside, { force: true });
    return;
  }
  try {
    fs.linkSync(aside, lockPath);
  } finally {
    fs.rmSync(aside, { force: true });
  }
  throw new EmbeddedDatabaseBusyError(dataDir, moved);
}

/*
 * A process ended by a signal does not run its "exit" handlers, so a server stopped with
 * SIGTERM (as `kill <pid>` and process managers do), Ctrl-C or a closed terminal would leave
 * its lock behind. And waiting for Next's own shutdown is not enough: `next dev` kills its
 * server with SIGKILL 100 ms after passing on SIGTERM. So the lock is released as soon as
 * the signal arrives (the process is ending and serves nothing new), and, when nothing else
 * handles the signal, the process ends as the signal would have ended it. SIGKILL cannot be
 * caught; its stale lock is taken over, with a message, by the next process to start.
 */
function releaseOnSignals(release: () => void): void {
  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) {
    process.once(signal, () => {
      release();
      if (process.listenerCount(signal) === 0) process.exit(128 + (os.constants.signals[signal] ?? 15));
    });
  }
}

/** Takes the lock for `dataDir` for this process, or throws EmbeddedDatabaseBusyError. Returns a release function. */
export function acquireEmbeddedLock(dataDir: string): () => void {
  const lockPath = `${path.resolve(dataDir)}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // The pid is written to a private file and hard-linked into place: link fails when the
      // lock exists, like `wx`, but the lock never exists empty (a racer reading it empty
      // would take it for a dead holder's and remove it, and both would open the folder).
      const pending = `${lockPath}.${process.pid}`;
      fs.writeFileSync(pending, String(process.pid));
      try {
        fs.linkSync(pending, lockPath);
      } finally {
        fs.rmSync(pending, { force: true });
      }
      const release = () => {
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      releaseOnSignals(release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(lockPath);
      if (holder === undefined) continue; // released meanwhile
      if (holder === process.pid) throw new EmbeddedDatabaseBusyError(dataDir, holder);
      if (Number.isFinite(holder) && isAlive(holder)) throw new EmbeddedDatabaseBusyError(dataDir, holder);
      // The holder died without cleaning up: remove its stale lock and try again.
      removeStaleLock(lockPath, holder, dataDir);
      console.warn(`[db] The embedded database in ${dataDir} was left locked by process ${Number.isFinite(holder) ? holder : "(unknown)"}, which is no longer running; taking it over.`);
    }
  }
  throw new Error(`Could not take the lock for the embedded database in ${dataDir}.`);
}
