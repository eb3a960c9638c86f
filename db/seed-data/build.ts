import type { DateTime } from "luxon";
import type * as schema from "../schema";
import { ONE_OFFS, SERIES, type ActivityTemplate } from "./activities";
import { seriesRuleText } from "@/lib/recurrence";
import { calendarWindow, isHoliday, oneOffStart, seriesOccurrences } from "./calendar";
import { buildSamConnection } from "./connection";
import { COMMENTS, PROJECTS } from "./projects";
import { demoId, demoSecret, seededRandom, type Random } from "./random";
import { DEMO_ACCOUNTS, GROUPS, PLACES, TOWN_ZONE, TOWNSFOLK } from "./town";

/*
 * Builds every row of the demo town in memory (no database access), so the seed can write
 * it with a handful of bulk inserts. Counters (going_count, waitlist_count, claimed_count)
 * are computed from the rows built here, never typed in, so they always agree.
 */

type Insert<T extends { $inferInsert: unknown }> = T["$inferInsert"];
export interface DemoTown {
  users: Insert<typeof schema.users>[];
  groups: Insert<typeof schema.groups>[];
  memberships: Insert<typeof schema.memberships>[];
  series: Insert<typeof schema.series>[];
  projects: Insert<typeof schema.projects>[];
  activities: Insert<typeof schema.activities>[];
  rsvps: Insert<typeof schema.rsvps>[];
  tasks: Insert<typeof schema.tasks>[];
  taskClaims: Insert<typeof schema.taskClaims>[];
  comments: Insert<typeof schema.comments>[];
  reflections: Insert<typeof schema.reflections>[];
  connectionPlans: Insert<typeof schema.connectionPlans>[];
  partnerships: Insert<typeof schema.partnerships>[];
  checkIns: Insert<typeof schema.checkIns>[];
  milestones: Insert<typeof schema.milestones>[];
}

const SAM = "member@example.com";
const userId = (email: string) => demoId(`user:${email}`);
const groupId = (slug: string) => demoId(`group:${slug}`);
const projectId = (key: string) => demoId(`project:${key}`);
/** The first upcoming occurrence of a series is "<key>#0"; a one-off is its key. */
const activityId = (key: string) => demoId(`activity:${key}`);

/**
 * Who must be on an activity, or never answer it, regardless of the dice: the demo stories
 * depend on them. Sam stays off the second Sunday sketching, so whatever the day the town is
 * seeded, her mix (/me/mix) has a group she has not been to lately in a time she is free.
 */
const FORCED: Record<string, { going?: string[]; waitlist?: string[]; away?: string[] }> = {
  "saturday-loop#0": { going: [SAM, "oliver.grant@example.com", "margaret.doyle@example.com"] },
  "sunday-sketch#0": { going: [SAM, "aisha.rahman@example.com"] },
  "sunday-sketch#1": { away: [SAM] },
  "garden-morning#0": { going: [SAM, "organizer@example.com", "tariq.hussain@example.com"] },
  "games-night#0": { going: ["rashid.karim@example.com"] },
  "lino-printing": { waitlist: ["zoe.kettering@example.com"] },
  "past-park-walk": { going: [SAM] },
  "past-leaf-clearing": { going: [SAM, "organizer@example.com"] },
};

interface Placed {
  key: string;
  template: ActivityTemplate;
  start: DateTime;
  seriesId?: string;
  occurrence: number;
}

export function buildDemoTown(nowDate: Date, passwordHash: string): DemoTown {
  const rng = seededRandom(0xc0ffee);
  const now = nowDate.getTime();
  const daysAgo = (days: number) => new Date(now - days * 86_400_000);
  const window = calendarWindow(nowDate, TOWN_ZONE);
  const people = [...DEMO_ACCOUNTS, ...TOWNSFOLK];

  const users: DemoTown["users"] = people.map((p) => ({
    id: userId(p.email), email: p.email, name: p.name, passwordHash, role: p.role ?? "member", bio: p.bio,
    neighbourhood: p.neighbourhood, listedAsGoing: p.listedAsGoing, timezone: TOWN_ZONE,
    createdAt: daysAgo(p.email === SAM ? 30 : rng.int(45, 400)),
  }));

  const groups: DemoTown["groups"] = GROUPS.map((g) => ({
    id: groupId(g.slug), slug: g.slug, name: g.name, about: g.about, agreements: g.agreements, visibility: g.visibility,
    joinPolicy: g.joinPolicy, neighbourhood: g.neighbourhood, createdById: userId(g.owner), createdAt: daysAgo(rng.int(400, 900)),
    inviteCode: g.visibility === "private" ? demoSecret(`invite:${g.slug}`) : null,
  }));

  const members = buildMemberships(rng);
  const memberships: DemoTown["memberships"] = [];
  for (const [slug, byEmail] of members) {
    for (const [email, m] of byEmail) {
      const joined = daysAgo(rng.int(1, 28) + (email === SAM ? 0 : 30));
      memberships.push({ groupId: groupId(slug), userId: userId(email), role: m.role, status: m.status, agreementsAcceptedAt: joined, createdAt: joined });
    }
  }

  const series: DemoTown["series"] = [];
  const placed: Placed[] = [];
  for (const t of SERIES) {
    const id = demoId(`series:${t.key}`);
    const starts = seriesOccurrences(t, window);
    // The stored rule is the one the app extends series with, anchored at the first occurrence.
    series.push({
      id, groupId: groupId(t.group), frequency: t.frequency, rrule: seriesRuleText(t.frequency, starts[0].toJSDate(), TOWN_ZONE), timezone: TOWN_ZONE, localStartTime: t.localStart,
      durationMinutes: t.durationMinutes, generatedUntil: window.end.toJSDate(), createdAt: daysAgo(60),
    });
    starts.forEach((start, occurrence) =>
      placed.push({ key: `${t.key}#${occurrence}`, template: t, start, seriesId: id, occurrence }),
    );
  }
  for (const t of ONE_OFFS) placed.push({ key: t.key, template: t, start: oneOffStart(t, window), occurrence: 0 });
  placed.sort((a, b) => a.start.toMillis() - b.start.toMillis());

  const everyone = people.map((p) => p.email);
  const activities: DemoTown["activities"] = [];
  const rsvps: DemoTown["rsvps"] = [];
  for (const p of placed) {
    const t = p.template;
    const place = PLACES[t.place];
    const group = GROUPS.find((g) => g.slug === t.group)!;
    const startsAt = p.start.toJSDate();
    const endsAt = p.start.plus({ minutes: t.durationMinutes }).toJSDate();
    const past = startsAt.getTime() < now;
    const cancelled = Boolean(p.seriesId) && isHoliday(p.start);
    const id = activityId(p.key);

    const activeMembers = [...members.get(t.group)!].filter(([, m]) => m.status === "active").map(([email]) => email);
    const pool =
      group.visibility === "private"
        ? rng.shuffle(activeMembers)
        : [...rng.shuffle(activeMembers), ...rng.shuffle(everyone.filter((e) => !activeMembers.includes(e)))];
    const forced = FORCED[p.key] ?? {};
    const ownerGoes = !past && rng.chance(0.6) ? [group.owner] : [];
    const order = unique([...(forced.going ?? []), ...ownerGoes, ...pool.filter((e) => !forced.waitlist?.includes(e) && !forced.away?.includes(e))]);

    const fill = p.occurrence === 0 ? t.fill : undefined;
    let going = 0;
    let waitlisted: string[] = [];
    if (!cancelled) {
      if (t.capacity === null) going = rng.int(3, 14);
      else if (fill === "full_with_waitlist") going = t.capacity;
      else if (fill === "nearly_full") going = t.capacity - 1;
      else going = rng.int(Math.ceil(t.capacity * 0.25), Math.floor(t.capacity * 0.75));
      going = Math.min(going, order.length);
    }
    const goingEmails = order.slice(0, going);
    let rest = order.slice(going);
    if (fill === "full_with_waitlist") {
      waitlisted = unique([...rest.slice(0, rng.int(1, 2)), ...(forced.waitlist ?? [])]);
      rest = rest.filter((e) => !waitlisted.includes(e));
    }
    const maybes = cancelled || past ? [] : rest.slice(0, rng.int(0, 3));
    const notGoing = cancelled || past ? [] : rest.slice(maybes.length, maybes.length + (rng.chance(0.3) ? 1 : 0));

    let minute = 0;
    const rsvpAt = () => new Date(Math.min(now, startsAt.getTime()) - 3 * 86_400_000 + minute++ * 600_000);
    for (const email of goingEmails) {
      const greeter = email === group.owner && t.firstTimerFriendly;
      rsvps.push({
        activityId: id, userId: userId(email), status: "going", offersToGreet: greeter,
        goTogether: !greeter && t.firstTimerFriendly && email !== SAM && rng.chance(0.06),
        attendance: past ? (rng.chance(0.9) || email === SAM ? "attended" : "no_show") : null,
        attendanceMarkedAt: past ? new Date(endsAt.getTime() + 1_800_000) : null, createdAt: rsvpAt(), updatedAt: rsvpAt(),
      });
    }
    for (const email of maybes) rsvps.push({ activityId: id, userId: userId(email), status: "maybe", createdAt: rsvpAt() });
    for (const email of notGoing) rsvps.push({ activityId: id, userId: userId(email), status: "not_going", createdAt: rsvpAt() });
    // Last, in queue order: waitlist_seq comes from a sequence, so insertion order is queue order.
    for (const email of waitlisted) rsvps.push({ activityId: id, userId: userId(email), status: "waitlisted", createdAt: rsvpAt() });

    activities.push({
      id, groupId: groupId(t.group), seriesId: p.seriesId ?? null, projectId: t.project ? projectId(t.project) : null, kind: t.kind,
      title: t.title, description: t.description, startsAt, endsAt, timezone: TOWN_ZONE, placeName: place.name, address: place.address,
      neighbourhood: place.neighbourhood, latitude: place.latitude, longitude: place.longitude, meetingPoint: t.meetingPoint ?? null,
      capacity: t.capacity, rsvpCutoff: t.capacity !== null && !p.seriesId ? new Date(startsAt.getTime() - 2 * 3_600_000) : null,
      energyLevel: t.energy, talkLevel: t.talk, lateArrivalOk: t.lateArrivalOk, stepFree: place.stepFree,
      seatingAvailable: place.seatingAvailable, quietSpace: t.quietSpace, substanceFree: t.substanceFree,
      firstTimerFriendly: t.firstTimerFriendly, status: cancelled ? "cancelled" : "scheduled", cancelledAt: cancelled ? daysAgo(2) : null,
      goingCount: goingEmails.length, waitlistCount: waitlisted.length, createdById: userId(group.owner), hostId: userId(group.owner),
      createdAt: daysAgo(past ? 20 : 14), updatedAt: daysAgo(past ? 20 : 14),
    });
  }

  const { projects, tasks, taskClaims } = buildProjects(now, window.today);
  const placedKeys = new Set(placed.map((p) => p.key));
  const comments: DemoTown["comments"] = COMMENTS.map((c, index) => {
    const target =
      "activity" in c.on
        ? { activityId: activityId(placedKeys.has(c.on.activity) ? c.on.activity : `${c.on.activity}#0`) }
        : { projectId: projectId(c.on.project) };
    return { id: demoId(`comment:${index}`), authorId: userId(c.email), body: c.body, createdAt: new Date(now - (COMMENTS.length - index) * 3_600_000), ...target };
  });

  return {
    users, groups, memberships, series, projects, activities, rsvps, tasks, taskClaims, comments,
    ...buildSamConnection(nowDate, userId(SAM), userId("aisha.rahman@example.com"), activityId, { activities, rsvps, taskClaims }),
  };
}

type MemberInfo = { role: "owner" | "organizer" | "member"; status: "active" | "pending" };

/** Group slug -> member email -> role and status. */
function buildMemberships(rng: Random): Map<string, Map<string, MemberInfo>> {
  const result = new Map(GROUPS.map((g) => [g.slug, new Map<string, MemberInfo>()]));
  const add = (slug: string, email: string, info: MemberInfo = { role: "member", status: "active" }) => {
    if (!result.get(slug)!.has(email)) result.get(slug)!.set(email, info);
  };
  for (const g of GROUPS) {
    add(g.slug, g.owner, { role: "owner", status: "active" });
    for (const email of g.organizers) add(g.slug, email, { role: "organizer", status: "active" });
  }
  // Sam, the demo member, belongs to three public groups and no private one.
  for (const slug of ["millbrook-walking-group", "riverside-gardeners", "sunday-sketchers"]) add(slug, SAM);
  add("station-quarter-board-games", "admin@example.com");
  for (const project of PROJECTS) for (const task of project.tasks) for (const claim of task.claims) add(project.group, claim.email);
  const publicSlugs = GROUPS.filter((g) => g.visibility === "public").map((g) => g.slug);
  for (const person of TOWNSFOLK) {
    for (const slug of rng.shuffle(publicSlugs).slice(0, rng.int(1, 3))) add(slug, person.email);
  }
  const circle = rng.shuffle(TOWNSFOLK.map((p) => p.email).filter((e) => !result.get("tuesday-evening-circle")!.has(e)));
  for (const email of circle.slice(0, 7)) add("tuesday-evening-circle", email);
  add("tuesday-evening-circle", circle[7], { role: "member", status: "pending" });
  return result;
}

function buildProjects(now: number, today: DateTime) {
  const projects: DemoTown["projects"] = [];
  const tasks: DemoTown["tasks"] = [];
  const taskClaims: DemoTown["taskClaims"] = [];
  const owner = (slug: string) => userId(GROUPS.find((g) => g.slug === slug)!.owner);
  for (const p of PROJECTS) {
    const done = p.status === "done";
    projects.push({
      id: projectId(p.key), groupId: groupId(p.group), title: p.title, goal: p.goal, description: p.description, status: p.status,
      startsOn: today.plus({ days: p.startsInDays }).toISODate(), endsOn: today.plus({ days: p.endsInDays }).toISODate(),
      completedAt: done ? new Date(now - 86_400_000) : null, createdById: owner(p.group), createdAt: new Date(now + p.startsInDays * 86_400_000 - 3_600_000),
    });
    for (const t of p.tasks) {
      const id = demoId(`task:${p.key}:${t.key}`);
      tasks.push({
        id, projectId: projectId(p.key), title: t.title, description: t.description, placesNeeded: t.placesNeeded, claimedCount: t.claims.length,
        effort: t.effort, fromHome: t.fromHome, estimatedHours: t.estimatedHours,
        dueOn: t.dueInDays === undefined ? null : today.plus({ days: t.dueInDays }).toISODate(), createdAt: new Date(now + p.startsInDays * 86_400_000),
      });
      t.claims.forEach((c, index) => {
        // Claims land after the project started, and anything done or verified before today.
        const age = Math.max(2, Math.min(-p.startsInDays, 30));
        const claimedAt = new Date(now - (age - Math.min(index, age - 2)) * 86_400_000 + 3_600_000);
        const doneAt = c.status === "claimed" ? null : new Date(Math.min(claimedAt.getTime() + 5 * 86_400_000, now - 2 * 3_600_000));
        taskClaims.push({
          taskId: id, userId: userId(c.email), status: c.status, hours: c.status === "verified" ? (c.hours ?? t.estimatedHours) : null, doneAt, createdAt: claimedAt,
          verifiedAt: c.status === "verified" ? new Date(Math.min(doneAt!.getTime() + 86_400_000, now - 3_600_000)) : null,
          verifiedById: c.status === "verified" ? owner(p.group) : null,
        });
      });
    }
  }
  return { projects, tasks, taskClaims };
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
