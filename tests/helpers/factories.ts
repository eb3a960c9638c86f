import crypto from "node:crypto";
import { getDb } from "@/db/client";
import { forgetKnownPlaces } from "@/db/queries/places";
import { activities, groups, memberships, projects, tasks, users, type Activity, type Group, type NewActivity, type Project, type Task, type User } from "@/db/schema";

/*
 * Small builders for integration tests. Every call makes unique rows, so test files can
 * share one PostgreSQL database without stepping on each other.
 */

const unique = () => crypto.randomBytes(5).toString("hex");

export const usingPostgres = () => Boolean(process.env.DATABASE_URL);

/** A member; the password hash is a placeholder unless one is given. */
export async function makeUser(overrides: Partial<typeof users.$inferInsert> = {}): Promise<User> {
  const db = await getDb();
  const id = unique();
  const [row] = await db
    .insert(users)
    .values({ name: `Member ${id}`, email: `member-${id}@test.example`, passwordHash: "x", ...overrides })
    .returning();
  return row;
}

export async function makeGroup(overrides: Partial<typeof groups.$inferInsert> = {}): Promise<Group> {
  const db = await getDb();
  const id = unique();
  const [row] = await db.insert(groups).values({ slug: `group-${id}`, name: `Group ${id}`, ...overrides }).returning();
  return row;
}

export async function addMember(groupId: string, userId: string, role: "owner" | "organizer" | "member" = "member") {
  const db = await getDb();
  await db.insert(memberships).values({ groupId, userId, role, status: "active", agreementsAcceptedAt: new Date() });
}

/** An activity starting `startsInHours` from now (default one day), lasting two hours. */
export async function makeActivity(groupId: string, overrides: Partial<NewActivity> & { startsInHours?: number } = {}): Promise<Activity> {
  const db = await getDb();
  const { startsInHours = 24, ...rest } = overrides;
  const startsAt = new Date(Date.now() + startsInHours * 3600_000);
  const [row] = await db
    .insert(activities)
    .values({
      groupId,
      kind: "walk",
      title: `Activity ${unique()}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
      timezone: "Europe/London",
      energyLevel: "low",
      talkLevel: "some_chat",
      ...rest,
    })
    .returning();
  // Written straight to the table, as the seed does: the neighbourhood list is read afresh after it.
  forgetKnownPlaces();
  return row;
}

/** A project in a group, active unless told otherwise. */
export async function makeProject(groupId: string, overrides: Partial<typeof projects.$inferInsert> = {}): Promise<Project> {
  const db = await getDb();
  const [row] = await db.insert(projects).values({ groupId, title: `Project ${unique()}`, goal: "A shared goal", ...overrides }).returning();
  return row;
}

/** A task on a project with `placesNeeded` places (default 3) and a two-hour estimate. */
export async function makeTask(projectId: string, overrides: Partial<typeof tasks.$inferInsert> = {}): Promise<Task> {
  const db = await getDb();
  const [row] = await db.insert(tasks).values({ projectId, title: `Task ${unique()}`, placesNeeded: 3, estimatedHours: "2.00", ...overrides }).returning();
  return row;
}
