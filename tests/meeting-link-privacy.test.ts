import { beforeAll, describe, expect, it } from "vitest";
import { GET as activityRoute } from "@/app/api/activities/[id]/route";
import { GET as listRoute } from "@/app/api/activities/route";
import { GET as calendarRoute } from "@/app/activities/[id]/calendar.ics/route";
import { GET as feedRoute } from "@/app/feeds/[file]/route";
import { getDb } from "@/db/client";
import { composeEmail } from "@/db/jobs/email-sender";
import { createApiToken } from "@/db/mutations/api-tokens";
import { createCalendarFeed } from "@/db/mutations/calendar-feeds";
import { emailOutbox, rsvps, type Group, type User } from "@/db/schema";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";

/*
 * Circles of people in recovery meet on online links: the link is for the members going and
 * the group's organizers, through every door — the API, the .ics download, the personal and
 * group feeds and the calendar attached to emails. Everyone else learns only that it is online.
 */

const LINK = `https://meet.example.org/circle-${crypto.randomUUID().slice(0, 8)}`;

type Who = "visitor" | "member not going" | "member maybe" | "member going" | "organizer";
let group: Group;
let activityId: string;
const people = {} as Record<Exclude<Who, "visitor">, User>;
const tokens = {} as Record<Exclude<Who, "visitor">, string>;

beforeAll(async () => {
  group = await makeGroup();
  for (const who of ["member not going", "member maybe", "member going", "organizer"] as const) {
    people[who] = await makeUser();
    await addMember(group.id, people[who].id, who === "organizer" ? "organizer" : "member");
    tokens[who] = (await createApiToken(people[who].id, "reader")).token;
  }
  const activity = await makeActivity(group.id, { title: "Tuesday evening circle", placeName: "", address: "", onlineUrl: LINK });
  activityId = activity.id;
  const db = await getDb();
  await db.insert(rsvps).values([
    { activityId, userId: people["member going"].id, status: "going" },
    { activityId, userId: people["member maybe"].id, status: "maybe" },
  ]);
});

const auth = (who: Who): Record<string, string> => (who === "visitor" ? {} : { authorization: `Bearer ${tokens[who]}` });
const mayRead = (who: Who) => who === "member going" || who === "organizer";
const everyone: Who[] = ["visitor", "member not going", "member maybe", "member going", "organizer"];

async function feed(userId: string, groupId: string | null): Promise<string> {
  const created = await createCalendarFeed(userId, groupId);
  if (!created.ok) throw new Error(created.message);
  const res = await feedRoute(new Request(`http://hub.test/feeds/${created.token}.ics`), { params: Promise.resolve({ file: `${created.token}.ics` }) });
  expect(res.status).toBe(200);
  return (await res.text()).replace(/\r\n[ \t]/g, "");
}

describe("an online activity's meeting link", () => {
  it.each(everyone)("in the API's one-activity read, as %s", async (who) => {
    const res = await activityRoute(new Request(`http://hub.test/api/activities/${activityId}`, { headers: auth(who) }), { params: Promise.resolve({ id: activityId }) });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.activity.place.online).toBe(true);
    expect(body.activity.place.onlineUrl).toBe(mayRead(who) ? LINK : null);
    if (!mayRead(who)) expect(JSON.stringify(body)).not.toContain("meet.example.org");
  });

  it.each(everyone)("never in the API's listing, which only says it is online, as %s", async (who) => {
    const res = await listRoute(new Request(`http://hub.test/api/activities?group=${group.slug}`, { headers: auth(who) }));
    const text = await res.text();
    const item = JSON.parse(text).activities.find((a: { id: string }) => a.id === activityId);
    expect(item.place.online).toBe(true);
    expect(text).not.toContain("meet.example.org");
  });

  it.each(everyone)("in the .ics download, as %s, which no shared cache may keep", async (who) => {
    const res = await calendarRoute(new Request(`http://hub.test/activities/${activityId}/calendar.ics`, { headers: auth(who) }), { params: Promise.resolve({ id: activityId }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const ics = (await res.text()).replace(/\r\n[ \t]/g, "");
    expect(ics.includes(LINK)).toBe(mayRead(who));
    if (!mayRead(who)) expect(ics).toContain("LOCATION:Online");
  });

  it("in a member's own feed only while they are going", async () => {
    expect(await feed(people["member going"].id, null)).toContain(LINK);
    const maybe = await feed(people["member maybe"].id, null);
    expect(maybe).toContain("Tuesday evening circle");
    expect(maybe).not.toContain("meet.example.org");
  });

  it("in a group's feed only for a holder who is going or organizes", async () => {
    const notGoing = await feed(people["member not going"].id, group.id);
    expect(notGoing).toContain("Tuesday evening circle");
    expect(notGoing).not.toContain("meet.example.org");
    expect(await feed(people["member going"].id, group.id)).toContain(LINK);
    expect(await feed(people.organizer.id, group.id)).toContain(LINK);
  });

  it("in the calendar attached to an email only for a recipient who is going", async () => {
    const db = await getDb();
    const attached = async (who: Exclude<Who, "visitor">) => {
      const [row] = await db
        .insert(emailOutbox)
        .values({ userId: people[who].id, toAddress: people[who].email, type: "activity_changed", subject: "Changed", bodyText: "Changed", activityId, dedupeKey: crypto.randomUUID() })
        .returning();
      const mail = await composeEmail({ ...row, messageId: `<${row.id}@hub.test>` }, "hub@hub.test", db);
      return String(mail.attachments?.[0]?.content).replace(/\r\n[ \t]/g, "");
    };
    expect(await attached("member going")).toContain(LINK);
    expect(await attached("member maybe")).not.toContain("meet.example.org");
  });
});
