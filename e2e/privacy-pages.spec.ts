import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, Browser, BrowserContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { bearer, londonLocal, newPerson, PASSWORD, signInThroughForm, startGroup } from "./people";

/*
 * Private means private on every page too. One member, Ada, is given private things, each
 * carrying a marker word: check-in notes with her partner, a reflection, a connection plan,
 * and a private group with its name, about text, an activity, a comment, a project and a
 * task; a second person, going to Ada's public activity, chose not to be listed and is
 * named with a marker, and so is a guest (an RSVP without an account) to it, whose email must
 * appear on no page at all. Then every page in app/ (each page.tsx, its dynamic parts filled with
 * the real ids and slugs) is requested as each kind of caller, as HTML and as the React
 * Server Components payload a client navigation fetches (`RSC: 1`), and no marker may appear
 * where that caller may not see it. Ada herself must find every marker (so the markers are
 * real), and so must the partner and the group's member find theirs. Pages are fetched with
 * the caller's session cookie and not rendered in a browser: the server's answer is the leak.
 */
test.describe.configure({ mode: "serial" });

const ROOT = path.resolve(__dirname, "..");
const mark = (what: string) => `zq${what}${crypto.randomBytes(4).toString("hex")}`;

const MARKS = {
  checkIn: mark("checkin"),
  reflection: mark("reflection"),
  plan: mark("plan"),
  optedOutName: mark("optedout"),
  privateGroupName: mark("privgroup"),
  privateGroupAbout: mark("privabout"),
  privateActivityTitle: mark("privactivity"),
  privateActivityDescription: mark("privdescription"),
  privateCommentBody: mark("privcomment"),
  privateProjectTitle: mark("privproject"),
  privateTaskTitle: mark("privtask"),
  meetingLink: mark("meetinglink"),
  // A guest (no account) going to Ada's public activity: only its organizers (Ada) see the first name.
  guestName: mark("guest"),
  // A question the unlisted person asks Ada's public group: only its organizers (Ada) and the asker read it.
  question: mark("question"),
  // The unlisted person's answer to a question on RSVP on Ada's public activity: Ada (its organizer) alone reads it.
  rsvpAnswer: mark("rsvpanswer"),
};
/** The guest's email: on no page at all (organizers find it in the attendee CSV alone). */
const GUEST_EMAIL = `${mark("guestmail")}@e2e.example`;
type Marker = keyof typeof MARKS;
const PRIVATE_GROUP: Marker[] = ["privateGroupName", "privateGroupAbout", "privateActivityTitle", "privateActivityDescription", "privateCommentBody", "privateProjectTitle", "privateTaskTitle"];

/**
 * The callers, and what each may legitimately see. Left out on purpose: an organizer of
 * Ada's public group (organizers take the register, so they see everyone going, listed or
 * not; Ada is that organizer and is checked as the owner), and the unlisted person
 * themselves (their own pages and profile carry their own name).
 */
const ROLES = {
  visitor: [] as Marker[],
  "another member": [] as Marker[],
  // Check-ins are private to the pair: the partner reads Ada's notes, and nothing else of hers.
  "check-in partner": ["checkIn"] as Marker[],
  "organizer of another group": [] as Marker[],
  // Members of the private group see its content, and none of Ada's own private things.
  "private group's member": PRIVATE_GROUP,
  admin: [] as Marker[],
};
type Role = keyof typeof ROLES;

/** Pages not requested, and why. */
const SKIPPED: Record<string, string> = {
  "app/dev/mailbox/page.tsx": "the development mailbox lists every email the hub wrote, to anyone, by design; it is served only with DEV_MAILBOX=on (the test server) and is a 404 on a real site",
};

interface World {
  word: string;
  openSlug: string;
  privateSlug: string;
  privateGroupId: string;
  privateActivity: string;
  openActivity: string;
  reflected: string;
  commentId: string;
  projectId: string;
  taskId: string;
  pairId: string;
  partnerCode: string;
  people: { ada: string; ben: string; mo: string };
  questionId: string;
}

/** Every page's addresses with real ids and slugs. A private group's invite link is not among them: it shows the group's name to whoever holds it, by design. */
function pages(w: World): Record<string, string[]> {
  const activities = [w.privateActivity, w.openActivity, w.reflected];
  const slugs = [w.privateSlug, w.openSlug];
  const bogus = "a".repeat(43);
  return {
    "app/page.tsx": ["/"],
    "app/(auth)/forgot-password/page.tsx": ["/forgot-password"],
    "app/(auth)/reset-password/[token]/page.tsx": [`/reset-password/${bogus}`],
    "app/(auth)/confirm-email/[token]/page.tsx": [`/confirm-email/${bogus}`],
    "app/(auth)/confirm-email/done/page.tsx": ["/confirm-email/done"],
    "app/(auth)/signin/link/[token]/page.tsx": [`/signin/link/${bogus}`],
    "app/(auth)/signin/page.tsx": ["/signin"],
    "app/(auth)/signup/page.tsx": ["/signup"],
    "app/account/deleted/page.tsx": ["/account/deleted"],
    "app/account/page.tsx": ["/account"],
    "app/account/push/page.tsx": ["/account/push"],
    "app/offline/page.tsx": ["/offline"],
    "app/activities/page.tsx": ["/activities", `/activities?q=${w.word}`, `/activities?when=week&q=${w.word}`],
    "app/activities/[id]/page.tsx": activities.map((id) => `/activities/${id}`),
    "app/activities/[id]/edit/page.tsx": activities.map((id) => `/activities/${id}/edit`),
    "app/activities/[id]/organize/page.tsx": activities.map((id) => `/activities/${id}/organize`),
    "app/admin/email/page.tsx": ["/admin/email"],
    "app/admin/reports/page.tsx": ["/admin/reports"],
    "app/groups/page.tsx": ["/groups", `/groups?q=${w.word}`],
    "app/groups/new/page.tsx": ["/groups/new"],
    "app/groups/[slug]/page.tsx": slugs.map((s) => `/groups/${s}`),
    "app/groups/[slug]/join/page.tsx": slugs.map((s) => `/groups/${s}/join`),
    "app/groups/[slug]/manage/page.tsx": slugs.map((s) => `/groups/${s}/manage`),
    "app/groups/[slug]/settings/page.tsx": slugs.map((s) => `/groups/${s}/settings`),
    "app/groups/[slug]/reports/page.tsx": slugs.map((s) => `/groups/${s}/reports`),
    "app/groups/[slug]/hours/page.tsx": slugs.map((s) => `/groups/${s}/hours?from=`),
    "app/groups/[slug]/activities/new/page.tsx": slugs.map((s) => `/groups/${s}/activities/new`),
    "app/groups/[slug]/projects/new/page.tsx": slugs.map((s) => `/groups/${s}/projects/new`),
    "app/help/page.tsx": ["/help"],
    "app/me/page.tsx": ["/me"],
    "app/me/mix/page.tsx": ["/me/mix"],
    "app/me/participation/page.tsx": ["/me/participation"],
    "app/me/hours/page.tsx": ["/me/hours"],
    "app/me/week/page.tsx": ["/me/week"],
    "app/me/plan/page.tsx": ["/me/plan"],
    "app/me/partners/page.tsx": ["/me/partners"],
    "app/me/partners/[id]/page.tsx": [`/me/partners/${w.pairId}`],
    "app/me/partners/join/page.tsx": ["/me/partners/join", `/me/partners/join?code=${w.partnerCode}`],
    "app/members/[id]/page.tsx": Object.values(w.people).map((id) => `/members/${id}`),
    "app/notifications/page.tsx": ["/notifications"],
    "app/projects/page.tsx": ["/projects", `/projects?q=${w.word}`],
    "app/projects/[id]/page.tsx": [`/projects/${w.projectId}`],
    "app/projects/[id]/edit/page.tsx": [`/projects/${w.projectId}/edit`],
    "app/projects/[id]/tasks/[taskId]/edit/page.tsx": [`/projects/${w.projectId}/tasks/${w.taskId}/edit`],
    "app/report/page.tsx": [
      `/report?type=group&id=${w.privateGroupId}`,
      `/report?type=activity&id=${w.privateActivity}`,
      `/report?type=comment&id=${w.commentId}`,
      `/report?type=project&id=${w.projectId}`,
      `/report?type=member&id=${w.people.ada}`,
    ],
    "app/unsubscribe/[token]/page.tsx": [`/unsubscribe/${bogus}`],
    // A guest's links carry a signed token; an unsigned one is told the link doesn't work.
    "app/guest/confirm/[token]/page.tsx": [`/guest/confirm/${bogus}.${bogus}`],
    "app/guest/manage/[token]/page.tsx": [`/guest/manage/${bogus}.${bogus}`],
    "app/groups/[slug]/questions/page.tsx": slugs.map((s) => `/groups/${s}/questions`),
    "app/groups/[slug]/questions/[id]/page.tsx": [`/groups/${w.openSlug}/questions/${w.questionId}`],
    "app/me/questions/page.tsx": ["/me/questions"],
    "app/me/questions/[id]/page.tsx": [`/me/questions/${w.questionId}`],
    // A reminder's link carries a random token; one that is not ours is told so kindly.
    "app/still-coming/[purpose]/[token]/page.tsx": [`/still-coming/free/${bogus}`, `/still-coming/coming/${bogus}`],
  };
}

/** Every page.tsx under app/, as "app/…/page.tsx". */
function pageFiles(): string[] {
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  return walk(path.join(ROOT, "app"))
    .filter((f) => path.basename(f) === "page.tsx")
    .map((f) => path.relative(ROOT, f).split(path.sep).join("/"))
    .sort();
}

interface Answer {
  url: string;
  variant: "html" | "rsc";
  status: number;
  type: string;
  body: string;
}

/** Requests every address as HTML and as an RSC payload, a few at a time. */
async function sweep(request: APIRequestContext, urls: string[]): Promise<Answer[]> {
  const jobs = urls.flatMap((url) => (["html", "rsc"] as const).map((variant) => ({ url, variant })));
  const answers: Answer[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < jobs.length) {
        const { url, variant } = jobs[next++];
        const res = await request.get(url, { headers: variant === "rsc" ? { RSC: "1" } : {}, failOnStatusCode: false });
        answers.push({ url, variant, status: res.status(), type: res.headers()["content-type"] ?? "", body: await res.text() });
      }
    }),
  );
  return answers;
}

function markersIn(body: string): Marker[] {
  return (Object.keys(MARKS) as Marker[]).filter((m) => body.includes(MARKS[m]));
}

let w: World;
let urls: string[];
const callers = {} as Record<Role | "owner", BrowserContext>;

async function api(request: APIRequestContext, method: "post" | "patch" | "put", url: string, data: unknown, headers: Record<string, string> = {}) {
  const res = await request[method](url, { data, headers });
  expect(res.status(), `${method.toUpperCase()} ${url}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

async function signedIn(browser: Browser, email: string, password: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  await signInThroughForm(await context.newPage(), email, password);
  return context;
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const request = (await browser.newContext()).request;
  const hex = crypto.randomBytes(3).toString("hex");
  const word = `kestrel${crypto.randomBytes(4).toString("hex")}`;

  // Ada organizes a public group and a private one. The private one is renamed after it is
  // made, so its slug (in every address requested) carries no marker.
  const ada = await newPerson(browser, request, "Ada");
  const adaAuth = await bearer(request, ada);
  const openSlug = await startGroup(ada.page, `Open Circle ${hex}`);
  const privateSlug = await startGroup(ada.page, `Quiet Circle ${hex}`);
  await api(request, "patch", `/api/groups/${privateSlug}`, { visibility: "private", name: MARKS.privateGroupName, about: `We meet quietly. ${MARKS.privateGroupAbout}` }, adaAuth);

  const start = new Date(Date.now() + 3 * 24 * 3600_000);
  const when = { startsLocal: londonLocal(start), endsLocal: londonLocal(new Date(start.getTime() + 2 * 3600_000)), timezone: "Europe/London", energyLevel: "low", talkLevel: "some_chat" };
  const newActivity = async (slug: string, fields: Record<string, unknown>) => (await api(request, "post", `/api/groups/${slug}/activities`, { kind: "walk", placeName: "The old mill", ...when, ...fields }, adaAuth)).activity.id as string;
  const privateActivity = await newActivity(privateSlug, { title: `Moonlit ${word} ${MARKS.privateActivityTitle}`, description: `Bring a torch. ${MARKS.privateActivityDescription}` });
  const commentId = (await api(request, "post", `/api/activities/${privateActivity}/comments`, { body: `See you there. ${MARKS.privateCommentBody}` }, adaAuth)).comment.id as string;
  const projectId = (await api(request, "post", `/api/groups/${privateSlug}/projects`, { title: `${word} ${MARKS.privateProjectTitle}`, goal: "A tidy shed", description: "Saturdays.", status: "active" }, adaAuth)).project.id as string;
  const taskId = (await api(request, "post", `/api/projects/${projectId}/tasks`, { title: `Sort ${MARKS.privateTaskTitle}`, description: "Shelves.", placesNeeded: 2, effort: "low", fromHome: false }, adaAuth)).task.id as string;

  // Someone who chose not to be listed is going to Ada's public activity, which also meets
  // online: its link is for those going and Ada, who organizes it.
  const openActivity = await newActivity(openSlug, { title: "Riverside stroll", description: "All welcome.", onlineUrl: `https://meet.example.org/${MARKS.meetingLink}` });
  const shy = { name: MARKS.optedOutName, email: `shy-${hex}${crypto.randomBytes(2).toString("hex")}@e2e.example`, password: PASSWORD };
  await api(request, "post", "/api/users", shy);
  await api(request, "post", `/api/activities/${openActivity}/rsvp`, { status: "going" }, await bearer(request, shy));
  // They ask the organizers a question on the group's page.
  const shyPage = await (await browser.newContext()).newPage();
  await signInThroughForm(shyPage, shy.email, PASSWORD);
  await shyPage.goto(`/groups/${openSlug}`);
  await shyPage.getByTestId("ask-body").fill(`Is it OK if I come alone? ${MARKS.question}`);
  await shyPage.getByTestId("ask-submit").click();
  await expect(shyPage.getByTestId("ask-form-outcome")).toContainText("Only the group's organizers can read it");
  const questionId = (await (await shyPage.request.get("/me/questions")).text()).match(/\/me\/questions\/([0-9a-f-]{36})/)![1];
  // Ada asks a question on RSVP; they answer it on the activity's page.
  await ada.page.goto(`/activities/${openActivity}/organize`);
  await ada.page.getByTestId("rsvp-question-0").getByLabel("Question", { exact: true }).fill("Anything we should know?");
  await ada.page.getByTestId("rsvp-questions-save").click();
  await expect(ada.page.getByTestId("rsvp-questions-outcome")).toContainText("1 question");
  await shyPage.goto(`/activities/${openActivity}`);
  await shyPage.getByTestId("rsvp-questions").getByRole("textbox").fill(`I use a stick. ${MARKS.rsvpAnswer}`);
  await shyPage.getByTestId("rsvp-going").click();
  await expect(shyPage.getByTestId("rsvp-outcome")).toContainText("going");
  await shyPage.context().close();
  const guest = await (await browser.newContext()).newPage();
  await guest.goto(`/activities/${openActivity}`);
  await guest.getByTestId("guest-first-name").fill(MARKS.guestName);
  await guest.getByTestId("guest-email").fill(GUEST_EMAIL);
  await guest.waitForTimeout(3_200);
  await guest.getByTestId("guest-rsvp-submit").click();
  await expect(guest.getByTestId("guest-rsvp-outcome")).toContainText("We've emailed you a link");
  await guest.context().close();

  // Ada went to one of her own activities and reflected on it; she keeps a plan.
  const reflected = await newActivity(openSlug, { title: "Lantern making", kind: "hobby" });
  await api(request, "post", `/api/activities/${reflected}/rsvp`, { status: "going" }, adaAuth);
  await api(request, "patch", `/api/activities/${reflected}`, { startsLocal: londonLocal(new Date(Date.now() - 3600_000)), endsLocal: londonLocal(new Date(Date.now() + 3600_000)) }, adaAuth);
  await api(request, "post", `/api/activities/${reflected}/attendance`, { userId: ada.id, attendance: "attended" }, adaAuth);
  await api(request, "post", `/api/activities/${reflected}/reflection`, { feeling: "lifted", note: `Calmer after. ${MARKS.reflection}` }, adaAuth);
  await api(request, "put", "/api/me/plan", { weeklyTotalGoal: 2, interests: [MARKS.plan] }, adaAuth);

  // Ben becomes Ada's check-in partner, and Ada checks in.
  const ben = await newPerson(browser, request, "Ben");
  const invite = await api(request, "post", "/api/me/partners", {}, adaAuth);
  await api(ben.page.request, "post", "/api/me/partners/accept", { code: invite.code });
  await api(request, "post", `/api/me/partners/${invite.partnership.id}/check-ins`, { note: `Slept well. ${MARKS.checkIn}`, mood: 4, energy: "medium" }, adaAuth);

  // Mo joins the private group through its invite link.
  await ada.page.goto(`/groups/${privateSlug}/manage`);
  const inviteCode = new URL(await ada.page.getByTestId("invite-link").inputValue()).searchParams.get("invite")!;
  const mo = await newPerson(browser, request, "Mo");
  await api(mo.page.request, "post", `/api/groups/${privateSlug}/join`, { acceptAgreements: true, invite: inviteCode });
  const groupPage = await (await mo.page.request.get(`/groups/${privateSlug}`)).text();
  const privateGroupId = groupPage.match(/type=group&(?:amp;)?id=([0-9a-f-]{36})/)![1];

  const cal = await newPerson(browser, request, "Cal");
  const olu = await newPerson(browser, request, "Olu");
  await startGroup(olu.page, `Olu's Walkers ${hex}`);

  w = { word, openSlug, privateSlug, privateGroupId, privateActivity, openActivity, reflected, commentId, projectId, taskId, pairId: invite.partnership.id, partnerCode: invite.code, people: { ada: ada.id, ben: ben.id, mo: mo.id }, questionId };
  urls = Object.values(pages(w)).flat();
  callers.owner = ada.page.context();
  callers.visitor = await browser.newContext();
  callers["another member"] = cal.page.context();
  callers["check-in partner"] = ben.page.context();
  callers["organizer of another group"] = olu.page.context();
  callers["private group's member"] = mo.page.context();
  // The demo town's admin (README: admin@example.com).
  callers.admin = await signedIn(browser, "admin@example.com", "commonthread");
});

test("every page in app/ is swept or skipped with a reason", () => {
  const listed = new Set([...Object.keys(pages(w)), ...Object.keys(SKIPPED)]);
  expect(pageFiles().filter((f) => !listed.has(f)), "add the page to pages() in this spec, or to SKIPPED with the reason").toEqual([]);
  expect(Object.keys(pages(w)).filter((f) => !fs.existsSync(path.join(ROOT, f))), "pages() lists a page that no longer exists").toEqual([]);
});

test("the owner finds every one of her markers on her own pages, as HTML and as RSC payloads", async () => {
  test.setTimeout(120_000);
  const answers = await sweep(callers.owner.request, urls);
  expect(answers.filter((a) => a.status >= 500).map((a) => `${a.variant} ${a.url} ${a.status}`)).toEqual([]);
  for (const variant of ["html", "rsc"] as const) {
    const ok = answers.filter((a) => a.variant === variant && a.status === 200);
    if (variant === "rsc") expect(ok.every((a) => a.type.startsWith("text/x-component")), "RSC: 1 is answered with the components payload").toBe(true);
    const seen = new Set(ok.flatMap((a) => markersIn(a.body)));
    expect((Object.keys(MARKS) as Marker[]).filter((m) => !seen.has(m)), `markers Ada cannot find in ${variant}`).toEqual([]);
  }
  expect(answers.filter((a) => a.body.includes(GUEST_EMAIL)).map((a) => `${a.variant} ${a.url}`), "a guest's email on a page").toEqual([]);
});

for (const role of Object.keys(ROLES) as Role[]) {
  test(`as ${role}, no page shows another member's private things`, async () => {
    test.setTimeout(120_000);
    const answers = await sweep(callers[role].request, urls);
    expect(answers.filter((a) => a.status >= 500).map((a) => `${a.variant} ${a.url} ${a.status}`)).toEqual([]);
    // A router request is answered with its own payload, never with a page kept for someone else.
    expect(answers.filter((a) => a.variant === "rsc" && a.status === 200 && !a.type.startsWith("text/x-component")).map((a) => a.url)).toEqual([]);
    const allowed = ROLES[role];
    const leaks = answers.flatMap((a) => [...markersIn(a.body).filter((m) => !allowed.includes(m)), ...(a.body.includes(GUEST_EMAIL) ? ["guest email"] : [])].map((m) => `${a.variant} ${a.url}: ${m}`));
    expect(leaks).toEqual([]);
    // The sweep read real pages, not only sign-in redirects and refusals.
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(20);
    // What this caller may see, they do see: the sweep would notice it if it were there.
    const seen = new Set(answers.filter((a) => a.status === 200).flatMap((a) => markersIn(a.body)));
    expect(allowed.filter((m) => !seen.has(m))).toEqual([]);
  });
}
