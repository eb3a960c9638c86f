import { bootDatabase } from "@/db/boot";
import { closeDb } from "@/db/client";
import { registerBuiltInJobs } from "@/db/jobs/catalog";
import { startJobRunner } from "@/db/jobs/runner";
import { configurationProblem, env } from "@/lib/env";
import { keepInstancesInStep, stopKeepingInStep } from "@/server/instances";

/*
 * `npm run worker`: the background jobs (email, reminders, check-in nudges, housekeeping) in a
 * process of their own, for a hub on PostgreSQL whose web instances run with JOBS=off. The same
 * runner and the same guarantees as inside a web instance: several workers (or workers and web
 * instances with jobs on) run each due job once, and a worker that dies frees its work within
 * the 30-second lease. It tells the web instances of what it changes, as they tell each other.
 */
async function main(): Promise<void> {
  const problem = configurationProblem();
  if (problem) throw new Error(problem);
  if (!env().DATABASE_URL) {
    throw new Error("npm run worker needs PostgreSQL (DATABASE_URL). The embedded database opens in one process only, the web server, which runs the jobs itself.");
  }
  await bootDatabase();
  keepInstancesInStep();
  registerBuiltInJobs();
  const runner = startJobRunner();
  // The runner's timers never hold a process open (in a web instance its server does); the
  // worker holds itself open until it is told to stop, through a database outage too.
  const alive = setInterval(() => undefined, 60_000);
  console.log("[worker] running the background jobs; stop with Ctrl-C.");
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // The job under way finishes (or gives up at its deadline) before the process ends.
    clearInterval(alive);
    await runner.stop();
    await stopKeepingInStep();
    await closeDb();
    console.log("[worker] stopped.");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

main().catch((error: unknown) => {
  console.error(`The worker did not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
