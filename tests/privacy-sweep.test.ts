import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { checkIns, comments, connectionPlans, groups, partnerships, projects, reflections, rsvps, users, walkIns } from "@/db/schema";
import { listWalkIns } from "@/db/queries/walk-ins";
import { listMyWeek } from "@/db/queries/my-week";
import { activities } from "@/db/schema";
import { requestGuestRsvp } from "@/db/mutations/guest-rsvps";
import { respondToActivity } from "@/db/mutations/rsvps";
import { buildWorld, type World } from "./helpers/authz-world";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";
import { actAs } from "./helpers/session";
import { fixtureJpeg } from "./helpers/pictures";
import { askOrganizers } from "@/db/mutations/questions";
import { setCover } from "@/db/mutations/uploads";

vi.mock("@/server/auth/config", async (original) => (await import("./helpers/session")).mockAuthConfig(await original()));
vi.mock("next/headers", async () => (await import("./helpers/session")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("./helpers/session")).mockNextCache());

/*
 * Private means private, through every door that is not a page: as each kind of caller,
 * request every API read, the .ics files and feeds, the public RSS/Atom feeds and group widget,
 * the attendee and hours CSVs and the account export,
 * aimed at every id in the town, and look for marker words planted in another member's
 * private things. None may appear. (Pages are server components and are not rendered here.)
 */

const ROOT = path.resolve(__dirname, "..");
const mark = (what: string) => `zq${what}${crypto.randomUUID().slice(0, 8)}`;

const MARKS = {
  checkIn: mark("checkin"),
  reflection: mark("reflection"),
  plan: mark("plan"),
  partnerName: mark("partner"),
  optedOutName: mark("optedout"),
  privateGroupName: mark("privgroup"),
  privateActivityTitle: mark("privactivity"),
  privateCommentBody: mark("privcomment"),
  privateProjectTitle: mark("privproject"),
  meetingLink: mark("meetinglink"),
  question: mark("question"),
  coverAlt: mark("coveralt"),
  // A guest (an RSVP by first name and email, no account) to a public group's activity.
  guestName: mark("guestname"),
  guestEmail: `${mark("guestemail")}@example.org`,
  // The member's answer to a question on RSVP: the group's organizers and the member alone.
  rsvpAnswer: mark("rsvpanswer"),
  // Someone without an account who walked in, by first name: on the organizer view alone, never in a route.
  walkInName: mark("walkin"),
};

type Viewer = "visitor" | "signed-in" | "fellow member" | "other group's member" | "organizer" | "admin";
/** Who may legitimately see each marker (besides its owner, who is never a viewer here). */
const MAY_SEE: Partial<Record<keyof typeof MARKS, Viewer[]>> = {
  privateGroupName: ["fellow member", "organizer"],
  privateActivityTitle: ["fellow member", "organizer"],
  privateCommentBody: ["fellow member", "organizer"],
  privateProjectTitle: ["fellow member", "organizer"],
  // Organizers take the register, so the attendee list and its CSV name everyone going.
  optedOutName: ["organizer"],
  // An online activity's link: for those going (the target is going to it) and its organizers.
  meetingLink: ["fellow member", "organizer"],
  // A question to a group's organizers: they read it, nobody else.
  question: ["organizer"],
  // A private group's cover is described to its members.
  coverAlt: ["fellow member", "organizer"],
  // Organizers see guests marked as guests (the attendee list, its CSV); the email is in the CSV alone.
  guestName: ["organizer"],
  guestEmail: ["organizer"],
  rsvpAnswer: ["organizer"],
};

let w: World;
let openActivityId: string;
let feedlessIds: string[];
let pictureUrl: string;
let openSlug: string;

beforeAll(async () => {
  w = await buildWorld("private");
  const db = await getDb();
  const owner = w.member;
  await db.update(checkIns).set({ note: MARKS.checkIn }).where(eq(checkIns.partnershipId, w.partnership.id));
  await db.update(reflections).set({ note: MARKS.reflection }).where(eq(reflections.userId, owner.id));
  await db.update(connectionPlans).set({ interests: [MARKS.plan] }).where(eq(connectionPlans.userId, owner.id));
  const partner = await makeUser({ name: MARKS.partnerName });
  await db.insert(partnerships).values({ inviterId: partner.id, inviteeId: owner.id, status: "active", acceptedAt: new Date(), rhythmSince: new Date() });
  await db.update(groups).set({ name: MARKS.privateGroupName }).where(eq(groups.id, w.group.id));
  await db.update(activities).set({ title: MARKS.privateActivityTitle }).where(eq(activities.id, w.activity.id));
  await db.update(comments).set({ body: MARKS.privateCommentBody }).where(eq(comments.id, w.comment.id));
  await db.update(projects).set({ title: MARKS.privateProjectTitle }).where(eq(projects.id, w.project.id));
  // A public group's activity that someone who chose not to be listed is going to.
  const open = await makeGroup();
  openSlug = open.slug;
  const organizer = w.users.organizer;
  await addMember(open.id, organizer.id, "organizer");
  await addMember(open.id, w.target.id);
  const shy = await makeUser({ name: MARKS.optedOutName, listedAsGoing: false });
  await addMember(open.id, shy.id);
  const act = await makeActivity(open.id, { placeName: "The green", onlineUrl: `https://meet.example.org/${MARKS.meetingLink}` });
  openActivityId = act.id;
  await db.insert(rsvps).values([
    { activityId: act.id, userId: shy.id, status: "going" },
    { activityId: act.id, userId: w.target.id, status: "going" },
  ]);
  await db.update(users).set({ listedAsGoing: true }).where(eq(users.id, w.target.id));
  const held = await requestGuestRsvp(db, { activityId: act.id, email: MARKS.guestEmail, firstName: MARKS.guestName });
  if (!held.ok) throw new Error(held.message);
  feedlessIds = [w.activity.id, w.past.id, w.occurrenceId, openActivityId];
  await db.insert(walkIns).values([
    { activityId: openActivityId, firstName: MARKS.walkInName, recordedById: organizer.id },
    { activityId: w.past.id, firstName: MARKS.walkInName, recordedById: organizer.id },
  ]);
  // The member asks the private group's organizers something; the group's activity has a cover.
  const asked = await askOrganizers(owner, { groupId: w.group.id }, `Is it OK if I come alone? ${MARKS.question}`);
  if (!asked.ok) throw new Error(asked.message);
  const cover = await setCover(w.users.organizer, "activities", w.activity.id, await fixtureJpeg(), MARKS.coverAlt);
  if (!cover.ok) throw new Error(cover.message);
  pictureUrl = `/uploads/${cover.data.id}/${cover.data.widths[0]}.webp`;
  // The private activity asks a question on RSVP, and the member (going) answers it.
  await db.update(activities).set({ rsvpQuestions: [{ id: "qsweep0001", kind: "text", prompt: "Anything we should know?", required: false, choices: [] }] }).where(eq(activities.id, w.activity.id));
  const answered = await respondToActivity(db, { activityId: w.activity.id, userId: owner.id, status: "going", answers: { qsweep0001: MARKS.rsvpAnswer } });
  if (!answered.ok) throw new Error(answered.message);
});

/** Every GET a caller can make without a page, with the ids to aim it at. */
async function requests(): Promise<[string, () => Promise<Response>][]> {
  const get = (url: string) => new Request(`http://hub.test${url}`);
  const out: [string, () => Promise<Response>][] = [];
  const add = <P extends Record<string, string | string[]>>(label: string, mod: Promise<{ GET: (r: Request, c: { params: Promise<P> }) => Promise<Response> | Response }>, url: string, params = {} as P) =>
    out.push([label + " " + url, async () => (await mod).GET(get(url), { params: Promise.resolve(params) })]);
  const noParams = <M,>(m: Promise<M>) => m as unknown as Promise<{ GET: (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response> }>;
  add("app/api/activities/route.ts", noParams(import("@/app/api/activities/route")), "/api/activities");
  add("app/api/activities/route.ts", noParams(import("@/app/api/activities/route")), "/api/activities?past=true");
  add("app/api/projects/route.ts", noParams(import("@/app/api/projects/route")), "/api/projects");
  for (const id of feedlessIds) {
    add("app/api/activities/[id]/route.ts", import("@/app/api/activities/[id]/route"), `/api/activities/${id}`, { id });
    add("app/api/activities/[id]/comments/route.ts", import("@/app/api/activities/[id]/comments/route"), `/api/activities/${id}/comments`, { id });
    add("app/api/activities/[id]/reflection/route.ts", import("@/app/api/activities/[id]/reflection/route"), `/api/activities/${id}/reflection`, { id });
    add("app/activities/[id]/calendar.ics/route.ts", import("@/app/activities/[id]/calendar.ics/route"), `/activities/${id}/calendar.ics`, { id });
    add("app/api/activities/[id]/attendees/route.ts", import("@/app/api/activities/[id]/attendees/route"), `/api/activities/${id}/attendees`, { id });
    add("app/activities/[id]/organize/attendees.csv/route.ts", import("@/app/activities/[id]/organize/attendees.csv/route"), `/activities/${id}/organize/attendees.csv`, { id });
  }
  add("app/api/projects/[id]/route.ts", import("@/app/api/projects/[id]/route"), `/api/projects/${w.project.id}`, { id: w.project.id });
  add("app/api/projects/[id]/comments/route.ts", import("@/app/api/projects/[id]/comments/route"), `/api/projects/${w.project.id}/comments`, { id: w.project.id });
  add("app/api/me/partners/[id]/check-ins/route.ts", import("@/app/api/me/partners/[id]/check-ins/route"), `/api/me/partners/${w.partnership.id}/check-ins`, { id: w.partnership.id });
  for (const [file, mod, url] of [
    ["app/api/me/participation/route.ts", import("@/app/api/me/participation/route"), "/api/me/participation"],
    ["app/api/me/partners/route.ts", import("@/app/api/me/partners/route"), "/api/me/partners"],
    ["app/api/me/plan/route.ts", import("@/app/api/me/plan/route"), "/api/me/plan"],
    ["app/api/me/rsvps/route.ts", import("@/app/api/me/rsvps/route"), "/api/me/rsvps"],
    ["app/api/me/rsvps/route.ts", import("@/app/api/me/rsvps/route"), "/api/me/rsvps?past=true"],
    ["app/api/me/suggestions/route.ts", import("@/app/api/me/suggestions/route"), "/api/me/suggestions"],
    ["app/api/tokens/route.ts", import("@/app/api/tokens/route"), "/api/tokens"],
    ["app/api/health/route.ts", import("@/app/api/health/route"), "/api/health"],
    ["app/api/health/statements/route.ts", import("@/app/api/health/statements/route"), "/api/health/statements"],
    ["app/api/[...path]/route.ts", import("@/app/api/[...path]/route"), "/api/nothing"],
    ["app/api/openapi.json/route.ts", import("@/app/api/openapi.json/route"), "/api/openapi.json"],
    ["app/api/docs/route.ts", import("@/app/api/docs/route"), "/api/docs"],
    ["app/account/export/route.ts", import("@/app/account/export/route"), "/account/export"],
  ] as const) {
    add(file, noParams(mod as Promise<unknown>), url);
  }
  const [, , pictureId, pictureFile] = pictureUrl.split("/");
  add("app/uploads/[id]/[file]/route.ts", import("@/app/uploads/[id]/[file]/route"), pictureUrl, { id: pictureId, file: pictureFile });
  add("app/api/unsubscribe/[token]/route.ts", import("@/app/api/unsubscribe/[token]/route"), `/api/unsubscribe/${w.unsubscribe}`, { token: w.unsubscribe });
  // A feed's secret address is its owner's key; anyone else guessing at one gets nothing.
  add("app/feeds/[file]/route.ts", import("@/app/feeds/[file]/route"), `/feeds/${"a".repeat(43)}.ics`, { file: `${"a".repeat(43)}.ics` });
  // The public feeds, the widget and the hours CSV, for the private group and a public one.
  add("app/activities/feed.rss/route.ts", noParams(import("@/app/activities/feed.rss/route")), "/activities/feed.rss");
  add("app/activities/feed.atom/route.ts", noParams(import("@/app/activities/feed.atom/route")), "/activities/feed.atom?kind=walk,hobby,volunteer");
  for (const slug of [w.group.slug, openSlug]) {
    add("app/groups/[slug]/feed.rss/route.ts", import("@/app/groups/[slug]/feed.rss/route"), `/groups/${slug}/feed.rss`, { slug });
    add("app/groups/[slug]/feed.atom/route.ts", import("@/app/groups/[slug]/feed.atom/route"), `/groups/${slug}/feed.atom`, { slug });
    add("app/embed/groups/[slug]/route.ts", import("@/app/embed/groups/[slug]/route"), `/embed/groups/${slug}`, { slug });
    add("app/groups/[slug]/hours.csv/route.ts", import("@/app/groups/[slug]/hours.csv/route"), `/groups/${slug}/hours.csv?from=`, { slug });
  }
  add("app/api/auth/[...nextauth]/route.ts", noParams(import("@/app/api/auth/[...nextauth]/route")), "/api/auth/session", { nextauth: ["session"] } as never);
  return out;
}

/** Every GET route handler in app/, so a new one cannot be left out of the sweep. */
function getRoutes(): string[] {
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  return walk(path.join(ROOT, "app"))
    .filter((f) => f.endsWith(`${path.sep}route.ts`))
    .filter((f) => /export\s+(const|async function|function)\s+GET\b|export const \{[^}]*\bGET\b/.test(fs.readFileSync(f, "utf8")))
    .map((f) => path.relative(ROOT, f).split(path.sep).join("/"))
    .sort();
}

describe("the privacy sweep", () => {
  it("requests every GET route in app/", async () => {
    const covered = new Set((await requests()).map(([label]) => label.split(" ")[0]));
    expect(getRoutes().filter((r) => !covered.has(r))).toEqual([]);
  });

  const viewers: Viewer[] = ["visitor", "signed-in", "fellow member", "other group's member", "organizer", "admin"];
  it.each(viewers)("as %s, no response carries another member's private things", async (viewer) => {
    const who = { visitor: null, "signed-in": w.users.signedIn, "fellow member": w.target, "other group's member": w.users.otherMember, organizer: w.users.organizer, admin: w.users.admin }[viewer];
    const leaks: string[] = [];
    let answered = 0;
    for (const [label, run] of await requests()) {
      actAs(who);
      let body: string;
      let status: number;
      try {
        const res = await run();
        status = res.status;
        body = await res.text();
      } finally {
        actAs(null);
      }
      expect(status, `${label} as ${viewer}: ${body.slice(0, 200)}`).toBeLessThan(500);
      if (status < 300) answered++;
      for (const [name, marker] of Object.entries(MARKS) as [keyof typeof MARKS, string][]) {
        if (MAY_SEE[name]?.includes(viewer)) continue;
        if (body.includes(marker)) leaks.push(`${label}: ${name}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(answered, "the sweep must actually get answers, not only refusals").toBeGreaterThan(3);
  });

  // "My week" (/me/week) is a page, and the installed app keeps it offline: its one read is swept here.
  it.each(viewers.filter((v) => v !== "visitor"))("as %s, My week carries none of another member's private things", async (viewer) => {
    const who = { "signed-in": w.users.signedIn, "fellow member": w.target, "other group's member": w.users.otherMember, organizer: w.users.organizer, admin: w.users.admin }[viewer as Exclude<Viewer, "visitor">];
    const body = JSON.stringify(await listMyWeek(who.id, new Date(), new Date(Date.now() + 7 * 86_400_000)));
    const leaks = (Object.entries(MARKS) as [keyof typeof MARKS, string][]).filter(([name, marker]) => !MAY_SEE[name]?.includes(viewer) && body.includes(marker)).map(([name]) => name);
    expect(leaks).toEqual([]);
  });

  it("the private activity is really in its member's own week (the sweep would see a leak)", async () => {
    const body = JSON.stringify(await listMyWeek(w.member.id, new Date(), new Date(Date.now() + 7 * 86_400_000)));
    expect(body).toContain(MARKS.privateActivityTitle);
    expect(body).toContain(MARKS.privateGroupName);
  });

  it("the markers are really there for their owner (the sweep would see a leak)", async () => {
    actAs(w.member);
    try {
      const exported = await (await import("@/app/account/export/route")).GET(new Request("http://127.0.0.1/account/export"));
      const text = await exported.text();
      for (const marker of [MARKS.checkIn, MARKS.reflection, MARKS.plan, MARKS.rsvpAnswer]) expect(text).toContain(marker);
    } finally {
      actAs(null);
    }
  });

  it("the member's answer is really in the organizer's CSV (the sweep would see a leak)", async () => {
    actAs(w.users.organizer);
    try {
      const params = { params: Promise.resolve({ id: w.activity.id }) };
      const csv = await (await (await import("@/app/activities/[id]/organize/attendees.csv/route")).GET(new Request(`http://hub.test/activities/${w.activity.id}/organize/attendees.csv`), params)).text();
      expect(csv.split("\r\n")[0]).toContain("Anything we should know?");
      expect(csv).toContain(MARKS.rsvpAnswer);
    } finally {
      actAs(null);
    }
  });

  it("the guest's name and email are really there for the organizer (the sweep would see a leak)", async () => {
    actAs(w.users.organizer);
    try {
      const params = { params: Promise.resolve({ id: openActivityId }) };
      const api = await (await (await import("@/app/api/activities/[id]/attendees/route")).GET(new Request(`http://hub.test/api/activities/${openActivityId}/attendees`), params)).text();
      expect(api).toContain(MARKS.guestName);
      expect(api).not.toContain(MARKS.guestEmail);
      const csv = await (await (await import("@/app/activities/[id]/organize/attendees.csv/route")).GET(new Request(`http://hub.test/activities/${openActivityId}/organize/attendees.csv`), params)).text();
      expect(csv).toContain(MARKS.guestName);
      expect(csv).toContain(MARKS.guestEmail);
    } finally {
      actAs(null);
    }
  });

  it("a walk-in's first name is really there for the organizer view (the sweep would see a leak)", async () => {
    expect((await listWalkIns(openActivityId)).named.map((n) => n.firstName)).toEqual([MARKS.walkInName]);
  });
});
