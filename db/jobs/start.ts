import "server-only";
import { env } from "@/lib/env";
import { registerBuiltInJobs } from "./catalog";
import { startJobRunner } from "./runner";

/**
 * Starts the job runner for this server instance (from instrumentation.ts, after the database
 * has booted). `JOBS=off` leaves it off, for web-only instances; never while building.
 */
export function startBackgroundJobs(): void {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (env().JOBS === "off") {
    console.info("[jobs] JOBS=off: this instance runs no background jobs.");
    return;
  }
  registerBuiltInJobs();
  startJobRunner();
}
