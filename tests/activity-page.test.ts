import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { getActivityPageData, rsvpPanelOf } from "@/db/queries/activity-page";
import { eq } from "drizzle-orm";
import { projects, rsvps, series, standingPlaces } from "@/db/schema";
import { addMember, makeActivity, makeGroup, makeProject, makeUser } from "./helpers/factories";

/*
 * The activity page reads the activity and the viewer's own relation to it in one statement;
 * these check that what it reads is the viewer's own and nobody else's.
 */

describe("the activity page's data", () => {
  it("gives a visitor the activity with its counts and nothing of anyone's own", async () => {
    const group = await makeGroup();
    const someone = await makeUser();
    const activity = await makeActivity(group.id, { capacity: 5, goingCount: 1 });
    const db = await getDb();
    await db.insert(rsvps).values({ activityId: activity.id, userId: someone.id, status: "going" });
    const data = await getActivityPageData(activity.id, null);
    expect(data?.activity.id).toBe(activity.id);
    expect(data?.activity.spotsLeft).toBe(4);
    expect(data?.mine).toBeNull();
    expect(rsvpPanelOf(data!).myRsvp).toBeNull();
  });

  it("gives a member their own RSVP with their waitlist place, never another member's", async () => {
    const group = await makeGroup();
    const [first, second, watcher] = [await makeUser(), await makeUser(), await makeUser()];
    const activity = await makeActivity(group.id, { capacity: 1, goingCount: 1, waitlistCount: 2 });
    const db = await getDb();
    await db.insert(rsvps).values({ activityId: activity.id, userId: first.id, status: "waitlisted" });
    await db.insert(rsvps).values({ activityId: activity.id, userId: second.id, status: "waitlisted", goTogether: true });
    const mine = await getActivityPageData(activity.id, second.id);
    expect(mine?.mine?.rsvp).toMatchObject({ status: "waitlisted", position: 2, goTogether: true });
    expect(mine?.mine?.membership).toBeNull();
    expect(mine?.mine?.isOrganizer).toBe(false);
    const theirs = await getActivityPageData(activity.id, watcher.id);
    expect(theirs?.mine?.rsvp).toBeNull();
  });

  it("knows the group's organizers, and a private group's activity is not found for outsiders", async () => {
    const group = await makeGroup({ visibility: "private" });
    const [organizer, member, outsider] = [await makeUser(), await makeUser(), await makeUser()];
    await addMember(group.id, organizer.id, "organizer");
    await addMember(group.id, member.id);
    const activity = await makeActivity(group.id);
    expect((await getActivityPageData(activity.id, organizer.id))?.mine).toMatchObject({ isOrganizer: true, membership: { status: "active", role: "organizer" } });
    expect((await getActivityPageData(activity.id, member.id))?.mine).toMatchObject({ isOrganizer: false, membership: { status: "active", role: "member" } });
    expect(await getActivityPageData(activity.id, outsider.id)).toBeUndefined();
    expect(await getActivityPageData(activity.id, null)).toBeUndefined();
  });

  it("brings an occurrence's series and the viewer's standing place on it", async () => {
    const group = await makeGroup();
    const [holder, other] = [await makeUser(), await makeUser()];
    const db = await getDb();
    const first = await makeActivity(group.id);
    const [s] = await db
      .insert(series)
      .values({ groupId: group.id, frequency: "weekly", rrule: "FREQ=WEEKLY", timezone: "Europe/London", localStartTime: "10:00", durationMinutes: 120, generatedUntil: new Date() })
      .returning();
    const occurrence = await makeActivity(group.id, { seriesId: s.id });
    await db.insert(standingPlaces).values({ seriesId: s.id, userId: holder.id, status: "active" });
    const held = await getActivityPageData(occurrence.id, holder.id);
    expect(held?.series).toMatchObject({ id: s.id, frequency: "weekly", localStartTime: "10:00", timezone: "Europe/London" });
    expect(held?.mine?.standing).toBe("active");
    expect((await getActivityPageData(occurrence.id, other.id))?.mine?.standing).toBe("none");
    expect((await getActivityPageData(first.id, holder.id))?.series).toBeNull();
  });

  it("counts who'll try to come and names the project it is a work day of, unless that project is hidden", async () => {
    const group = await makeGroup();
    const project = await makeProject(group.id, { title: "Garden rebuild" });
    const activity = await makeActivity(group.id, { projectId: project.id });
    const db = await getDb();
    for (const status of ["maybe", "maybe", "going"] as const) await db.insert(rsvps).values({ activityId: activity.id, userId: (await makeUser()).id, status });
    const data = await getActivityPageData(activity.id, null);
    expect(data?.maybeCount).toBe(2);
    expect(data?.project).toEqual({ id: project.id, title: "Garden rebuild" });
    await db.update(projects).set({ hiddenAt: new Date() }).where(eq(projects.id, project.id));
    expect((await getActivityPageData(activity.id, null))?.project).toBeNull();
  });
});
