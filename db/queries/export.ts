import "server-only";
import { eq, or, type Column } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { getDb } from "../client";
import * as schema from "../schema";

/*
 * "Export all my data": every row the hub holds about a member, from every table that names
 * members. The map below says, for each such table, which columns make a row theirs, which
 * member columns are left out and why, and which secrets are never exported (hashes of
 * passwords and tokens). tests/account-export.test.ts reads the schema and fails when a
 * table with a column referring to users is missing here, so a new table cannot be forgotten.
 */

export interface ExportRule {
  /** Columns (TypeScript names) that make a row the member's. */
  mine: string[];
  /** Member columns deliberately not used, with the reason. */
  leftOut?: Record<string, string>;
  /** Columns never exported. */
  secret?: string[];
}

export const EXPORT_RULES = {
  users: { mine: ["id"], secret: ["passwordHash", "unsubscribeToken", "sessionVersion"] },
  groups: { mine: ["createdById"], secret: ["inviteCode"] },
  memberships: { mine: ["userId"] },
  groupDepartures: { mine: ["userId"] },
  projects: { mine: ["createdById"] },
  activities: { mine: ["createdById", "hostId"] },
  uploads: { mine: ["userId", "uploadedById"] },
  questions: { mine: ["askerId"] },
  questionMessages: { mine: ["authorId"] },
  rsvps: { mine: ["userId"], leftOut: { greeterId: "another member's RSVP; the pairing is in your notifications" } },
  standingPlaces: { mine: ["userId"] },
  slotSignups: { mine: ["userId"] },
  taskClaims: { mine: ["userId"], leftOut: { assignedById: "another member's claim", verifiedById: "another member's claim" } },
  comments: { mine: ["authorId"], leftOut: { removedById: "another member's comment that you removed as an organizer" } },
  notifications: { mine: ["userId"] },
  emailPreferences: { mine: ["userId"] },
  emailOutbox: { mine: ["userId"] },
  activityReminders: { mine: ["userId"] },
  partnerships: { mine: ["inviterId", "inviteeId"] },
  checkIns: { mine: ["authorId"] },
  connectionPlans: { mine: ["userId"] },
  reflections: { mine: ["userId"] },
  milestones: { mine: ["userId"] },
  reports: {
    mine: ["reporterId"],
    leftOut: { resolvedById: "a report about someone else that you decided as a moderator", restoredById: "a report about someone else whose hidden content you showed again" },
  },
  blocks: { mine: ["blockerId"], leftOut: { blockedId: "blocking is never shown to the member blocked" } },
  apiTokens: { mine: ["userId"], secret: ["tokenHash"] },
  calendarFeeds: { mine: ["userId"], secret: ["tokenHash"] },
  passwordResetTokens: { mine: ["userId"], secret: ["tokenHash"] },
  emailLinks: { mine: ["userId"], secret: ["tokenHash"] },
  rsvpLinks: { mine: ["userId"], secret: ["tokenHash"] },
  signInIdentities: { mine: ["userId"] },
  // A walk-in by first name is someone else (without an account) whom the member recorded as an organizer.
  // The devices that get push notifications, without the push service's address and keys for them.
  pushSubscriptions: { mine: ["userId"], secret: ["endpoint", "p256dh", "auth"] },
  walkIns: { mine: [], leftOut: { recordedById: "someone else's first name, recorded as an organizer of the group" } },
} satisfies Partial<Record<keyof typeof schema, ExportRule>>;

const tableOf = (name: string) => (schema as unknown as Record<string, PgTable>)[name];

/** Every row about the member, keyed by SQL table name; secrets left out. */
export async function exportMemberData(userId: string): Promise<Record<string, Record<string, unknown>[]>> {
  const db = await getDb();
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const [name, rule] of Object.entries(EXPORT_RULES) as [string, ExportRule][]) {
    const table = tableOf(name);
    // A table that names members only as someone acting for others holds nothing of theirs to export.
    if (rule.mine.length === 0) {
      out[getTableConfig(table).name] = [];
      continue;
    }
    const columns = table as unknown as Record<string, Column>;
    const where = or(...rule.mine.map((c) => eq(columns[c], userId)));
    const rows = (await db.select().from(table).where(where)) as Record<string, unknown>[];
    out[getTableConfig(table).name] = rows.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !(rule.secret ?? []).includes(k))));
  }
  return out;
}
