import "server-only";
import type { Db } from "./client";

/** Placeholder until the demo town is written. */
export async function seedDemoIfEmpty(_db: Db): Promise<boolean> {
  return false;
}
