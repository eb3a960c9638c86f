import Parser from "rss-parser";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as hoursCsv } from "@/app/groups/[slug]/hours.csv/route";
import { GET as groupRss } from "@/app/groups/[slug]/feed.rss/route";
import { GET as groupAtom } from "@/app/groups/[slug]/feed.atom/route";
import { GET as listingRss } from "@/app/activities/feed.rss/route";
import { GET as listingAtom } from "@/app/activities/feed.atom/route";
import { GET as embed } from "@/app/embed/groups/[slug]/route";
import { getDb } from "@/db/client";
import { createApiToken } from "@/db/mutations/api-tokens";
import { deleteAccount } from "@/db/mutations/account-deletion";
import { getGroupHours, listMyHours } from "@/db/queries/hours";
import { groups, rsvps, taskClaims, type Group, type User } from "@/db/schema";
import { isEmbeddable, contentSecurityPolicy } from "@/lib/security/headers";
import { addMember, makeActivity, makeGroup, makeProject, makeTask, makeUser } from "./helpers/factories";

const parser = new Parser();
const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

async function verified(taskId: string, userId: string, hours: string, at: Date, by: string | null) {
  const db = await getDb();
  await db.insert(taskClaims).values({ taskId, userId, status: "verified", hours, verifiedAt: at, verifiedById: by, doneAt: at });
}

describe("volunteer hours", () => {
  let group: Group;
  let organizer: User;
  let ana: User;
  let shy: User;
  let leaver: User;
  let garden: string;
  let pantry: string;

  beforeAll(async () => {
    group = await makeGroup();
    organizer = await makeUser({ name: "Olu Organizer" });
    ana = await makeUser({ name: "Ana Volunteer" });
    // Chose not to be listed to other members: their own group's organizers still see them here.
    shy = await makeUser({ name: "=HYPERLINK(\"http://evil.example\")", listedAsGoing: false });
    leaver = await makeUser({ name: "Lee Leaving" });
    for (const u of [ana, shy, leaver]) await addMember(group.id, u.id);
    await addMember(group.id, organizer.id, "organizer");
    const gardenProject = await makeProject(group.id, { title: "Riverside garden" });
    const pantryProject = await makeProject(group.id, { title: "Food pantry" });
    garden = gardenProject.id;
    pantry = pantryProject.id;
    await makeActivity(group.id, { projectId: garden, placeName: "Riverside allotments", startsInHours: -24 * 30 });
    const dig = await makeTask(garden, { title: "Dig the beds" });
    const shelves = await makeTask(pantry, { title: "Stack shelves", fromHome: false });
    const calls = await makeTask(pantry, { title: "Phone round", fromHome: true });
    await verified(dig.id, ana.id, "3.50", day("2026-03-10"), organizer.id);
    await verified(shelves.id, ana.id, "2.00", day("2026-05-02"), organizer.id);
    await verified(calls.id, shy.id, "1.25", day("2026-05-20"), organizer.id);
    await verified(dig.id, leaver.id, "4.00", day("2026-04-01"), organizer.id);
    // An unverified place carries no hours and never counts.
    await (await getDb()).insert(taskClaims).values({ taskId: shelves.id, userId: shy.id, status: "done", doneAt: day("2026-05-21") });
    const gone = await deleteAccount(leaver.id);
    expect(gone.ok).toBe(true);
  });

  it("the organizers' report adds up hours by member and by project within the dates", async () => {
    const all = await getGroupHours(group.id, { start: null, end: null });
    expect(all.byMember.map((m) => [m.name, m.hours])).toEqual([
      ["Ana Volunteer", 5.5],
      [shy.name, 1.25],
    ]);
    expect(all.byProject.map((p) => [p.title, p.hours])).toEqual([
      ["Food pantry", 3.25],
      ["Riverside garden", 3.5],
    ].sort((a, b) => (b[1] as number) - (a[1] as number)));
    expect(all.total).toBe(6.75);
    const spring = await getGroupHours(group.id, { start: day("2026-04-01"), end: day("2026-05-10") });
    expect(spring.byMember.map((m) => [m.name, m.hours])).toEqual([["Ana Volunteer", 2]]);
    expect(spring.total).toBe(2);
  });

  it("a member who deleted their account leaves their hours, with no name and no date", async () => {
    const report = await getGroupHours(group.id, { start: null, end: null });
    expect(report.former).toEqual([{ projectId: garden, title: "Riverside garden", hours: 4 }]);
    expect(report.byMember.map((m) => m.name)).not.toContain("Lee Leaving");
  });

  it("the CSV is for the group's organizers, and a name can never become a formula", async () => {
    const { token } = await createApiToken(organizer.id, "hours");
    const res = await hoursCsv(new Request(`http://hub.test/groups/${group.slug}/hours.csv?from=2026-01-01&to=2026-12-31`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ slug: group.slug }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(`${group.slug}-hours.csv`);
    const lines = (await res.text()).split("\r\n");
    expect(lines[0]).toBe("row,name,from,to,tasks,hours");
    expect(lines).toContain("member,Ana Volunteer,2026-01-01,2026-12-31,2,5.5");
    expect(lines).toContain(`member,"'=HYPERLINK(""http://evil.example"")",2026-01-01,2026-12-31,1,1.25`);
    expect(lines).toContain(`total,${group.name},2026-01-01,2026-12-31,3,6.75`);
    expect(lines).toContain("former members (all time),Riverside garden,,,,4");

    const { token: memberToken } = await createApiToken(ana.id, "hours");
    const refused = await hoursCsv(new Request(`http://hub.test/groups/${group.slug}/hours.csv`, { headers: { authorization: `Bearer ${memberToken}` } }), { params: Promise.resolve({ slug: group.slug }) });
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toContain("Ana Volunteer");
    const visitor = await hoursCsv(new Request(`http://hub.test/groups/${group.slug}/hours.csv`), { params: Promise.resolve({ slug: group.slug }) });
    expect(visitor.status).toBe(401);
  });

  it("a bad date in the CSV's address is left out and the rest still answers", async () => {
    const { token } = await createApiToken(organizer.id, "hours");
    const res = await hoursCsv(new Request(`http://hub.test/groups/${group.slug}/hours.csv?from=2026-13-45&to=nonsense`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ slug: group.slug }) });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("member,Ana Volunteer,,,2,5.5");
  });

  it("a member's statement lists only their own verified entries, with where and who verified", async () => {
    const mine = await listMyHours(ana.id, { start: null, end: null });
    expect(mine.map((e) => [e.projectTitle, e.taskTitle, e.hours, e.groupName, e.place, e.verifiedBy])).toEqual([
      ["Riverside garden", "Dig the beds", 3.5, group.name, "Riverside allotments", "Olu Organizer"],
      ["Food pantry", "Stack shelves", 2, group.name, null, "Olu Organizer"],
    ]);
    const shys = await listMyHours(shy.id, { start: null, end: null });
    expect(shys.map((e) => [e.taskTitle, e.place])).toEqual([["Phone round", "From home"]]);
    expect(await listMyHours(ana.id, { start: day("2026-04-01"), end: null })).toHaveLength(1);
  });
});

describe("public feeds and the group widget", () => {
  const hostile = `Tea & <b>talk</b> "quoted" 'single' ]]> \u0001 <script>alert(1)</script>`;
  let open: Group;
  let secret: Group;
  let hidden: Group;
  let going: User;
  let walkTitle: string;

  beforeAll(async () => {
    open = await makeGroup({ name: `Open & "friendly" <club>` });
    secret = await makeGroup({ visibility: "private", name: "Secret circle zqsecretfeed" });
    hidden = await makeGroup({ name: "Hidden zqhiddenfeed" });
    await (await getDb()).update(groups).set({ hiddenAt: new Date() }).where(eq(groups.id, hidden.id));
    going = await makeUser({ name: "Gina Goingname", listedAsGoing: true });
    await addMember(open.id, going.id);
    const walk = await makeActivity(open.id, { title: hostile, kind: "walk", placeName: "The <mill> & pond" });
    walkTitle = walk.title;
    await makeActivity(open.id, { title: "A hobby evening zqhobbyfeed", kind: "hobby" });
    await (await getDb()).insert(rsvps).values({ activityId: walk.id, userId: going.id, status: "going" });
    await makeActivity(secret.id, { title: "Private walk zqprivatefeed" });
    await makeActivity(hidden.id, { title: "Hidden walk zqhiddenactivity" });
  });

  const call = (route: typeof groupRss, slug: string, headers: HeadersInit = {}) => route(new Request(`http://hub.test/groups/${slug}/feed`, { headers }), { params: Promise.resolve({ slug }) });

  it("a public group's RSS and Atom feeds parse, with hostile titles kept as plain text", async () => {
    for (const [route, format] of [[groupRss, "rss"], [groupAtom, "atom"]] as const) {
      const res = await call(route, open.slug);
      expect(res.status).toBe(200);
      const xml = await res.text();
      expect(xml).not.toContain("<script>");
      const feed = await parser.parseString(xml);
      expect(feed.title).toContain(`Open & "friendly" <club>`);
      const item = feed.items.find((i) => i.title?.startsWith("Tea &"));
      expect(item?.title).toBe(walkTitle.replace("\u0001", ""));
      expect(item?.link).toMatch(/^http:\/\/hub\.test\/activities\/[0-9a-f-]{36}$/);
      // RSS descriptions are HTML to a reader, so the text comes escaped once more; Atom says type="text".
      if (format === "rss") expect(item?.content).toContain("The &lt;mill&gt; &amp; pond");
      else expect(item?.summary).toContain("The <mill> & pond");
      // Never anyone's name, even a member who chose to be listed.
      expect(xml).not.toContain("Gina Goingname");
    }
    expect((await call(groupRss, open.slug)).headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect((await call(groupAtom, open.slug)).headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  });

  it("a private or hidden group has no feed and no widget: not found, as if not there", async () => {
    for (const g of [secret, hidden]) {
      for (const route of [groupRss, groupAtom, embed]) {
        const res = await call(route, g.slug);
        expect(res.status).toBe(404);
        const text = await res.text();
        expect(text).not.toContain("zq");
      }
    }
  });

  it("the listing's feed takes the listing's filters and shows public groups only", async () => {
    const walks = await parser.parseString(await (await listingRss(new Request(`http://hub.test/activities/feed.rss?kind=walk&group=${open.slug}`))).text());
    expect(walks.items.map((i) => i.title)).toEqual([walkTitle.replace("\u0001", "")]);
    const all = await (await listingAtom(new Request("http://hub.test/activities/feed.atom?perPage=100"))).text();
    const atom = await parser.parseString(all);
    expect(atom.items.length).toBeGreaterThan(0);
    expect(all).not.toContain("zqprivatefeed");
    expect(all).not.toContain("zqhiddenactivity");
    const bad = await listingRss(new Request("http://hub.test/activities/feed.rss?kind=swim"));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.kind).toContain("Choose kind from");
  });

  it("the widget is plain HTML that sets no cookie, even for a signed-in member, and opens links in a new tab", async () => {
    const res = await call(embed, open.slug, { cookie: "authjs.session-token=abc; ct_tz=Europe/Paris" });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toBeNull();
    const html = await res.text();
    expect(html).toContain("&lt;b&gt;talk&lt;/b&gt;");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("Gina Goingname");
    expect(html).toMatch(/<a href="http:\/\/hub\.test\/activities\/[^"]+" target="_blank" rel="noopener">/);
  });

  it("the widget speaks the language its address asks for, and English otherwise", async () => {
    const spanish = await embed(new Request(`http://hub.test/embed/groups/${open.slug}?lang=es`, { headers: { "accept-language": "en" } }), { params: Promise.resolve({ slug: open.slug }) });
    const html = await spanish.text();
    expect(html).toContain('<html lang="es">');
    expect(html).toContain(": próximamente</h1>");
    expect(html).toContain("&lt;b&gt;talk&lt;/b&gt;");
    // An unknown language, and a browser asking for Spanish, both get English: the address decides.
    for (const [query, headers] of [["?lang=xx", {}], ["", { "accept-language": "es" }]] as const) {
      const english = await (await embed(new Request(`http://hub.test/embed/groups/${open.slug}${query}`, { headers }), { params: Promise.resolve({ slug: open.slug }) })).text();
      expect(english).toContain('<html lang="en-GB">');
      expect(english).toContain(": coming up</h1>");
    }
    const missing = await embed(new Request("http://hub.test/embed/groups/nobody-here?lang=es"), { params: Promise.resolve({ slug: "nobody-here" }) });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("No hay ningún grupo público en esta dirección.");
  });

  it("only the widget's address may be framed by other sites", () => {
    expect(isEmbeddable(`/embed/groups/${open.slug}`)).toBe(true);
    for (const path of ["/", "/groups/x", "/embed/groups/x/more", "/embed", "/activities/feed.rss"]) expect(isEmbeddable(path)).toBe(false);
    expect(contentSecurityPolicy("n", false, null, "anywhere")).toContain("frame-ancestors *");
    expect(contentSecurityPolicy("n")).toContain("frame-ancestors 'none'");
  });
});
