import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as calendarRoute } from "@/app/activities/[id]/calendar.ics/route";
import { GET as feedRoute } from "@/app/feeds/[file]/route";
import { getDb } from "@/db/client";
import { composeEmail } from "@/db/jobs/email-sender";
import { remindActivityNow } from "@/db/jobs/reminders";
import { tellOfChange } from "@/db/mutations/activity-notices";
import { createCalendarFeed } from "@/db/mutations/calendar-feeds";
import { messageActivityList } from "@/db/mutations/messages";
import { emailOutbox, notifications, rsvps } from "@/db/schema";
import { smtpTransport } from "@/lib/email/transport";
import { groupFeed, listingFeed } from "@/server/public-feeds";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";
import { mimePart, startSmtpServer } from "./helpers/smtp";

/*
 * What the hub writes to people who are not looking at a page (notices, emails, calendar files,
 * feeds) is in each reader's own language: a member's setting, English when they chose none.
 * The same message to a list reaches each member in theirs; the organizer's own words stay as written.
 */

/** A public group, its organizer, and one Spanish and one English member going to an online activity. */
async function town() {
  const group = await makeGroup({ visibility: "public", name: "Huerto del Río" });
  const organizer = await makeUser({ name: "Olu Organizer" });
  await addMember(group.id, organizer.id, "organizer");
  const ana = await makeUser({ name: "Ana", locale: "es" });
  const ben = await makeUser({ name: "Ben" });
  for (const m of [ana, ben]) await addMember(group.id, m.id);
  // Two days ahead, so the reminder time (18:00 the day before) is still to come whatever the hour
  // the test runs: an RSVP made after it is, rightly, not reminded.
  const activity = await makeActivity(group.id, { title: "Riego de tarde", onlineUrl: "https://meet.example/riego", startsInHours: 48 });
  const db = await getDb();
  await db.insert(rsvps).values([ana, ben].map((m) => ({ activityId: activity.id, userId: m.id, status: "going" as const })));
  return { group, organizer, ana, ben, activity };
}

async function rowsOf(userIds: string[], type: string) {
  const db = await getDb();
  const notices = await db.select().from(notifications).where(and(inArray(notifications.userId, userIds), eq(notifications.type, type)));
  const emails = await db.select().from(emailOutbox).where(and(inArray(emailOutbox.userId, userIds), eq(emailOutbox.type, type)));
  return { notices, emails };
}

describe("notices and emails in the reader's language", () => {
  it("an organizer's message to everyone going reaches each member in their own language, with the message itself as written", async () => {
    const t = await town();
    const message = "Traed guantes, please — gloves!";
    expect(await messageActivityList({ activityId: t.activity.id, actorId: t.organizer.id, audience: "going", message })).toEqual({ ok: true, sent: 2 });
    const { notices, emails } = await rowsOf([t.ana.id, t.ben.id], "organizer_message");

    const forAna = notices.find((n) => n.userId === t.ana.id)!;
    const forBen = notices.find((n) => n.userId === t.ben.id)!;
    expect(forAna.title).toBe(`Mensaje sobre ${t.activity.title}`);
    expect(forBen.title).toBe(`Message about ${t.activity.title}`);
    expect([forAna.body, forBen.body]).toEqual([message, message]);

    const anaEmail = emails.find((e) => e.userId === t.ana.id)!;
    const benEmail = emails.find((e) => e.userId === t.ben.id)!;
    expect(anaEmail.subject).toBe(`Mensaje sobre ${t.activity.title}`);
    expect(anaEmail.bodyText).toContain("Hola, Ana:");
    expect(anaEmail.bodyText).toContain(message);
    expect(anaEmail.bodyText).toContain("Abrir la actividad: http://localhost:3000/activities/");
    expect(anaEmail.bodyText).toContain("porque vas a ir a esta actividad y quienes la organizan escribieron a esta lista.");
    expect(anaEmail.bodyText).toContain("Dejar de recibir estos correos: ");
    expect(anaEmail.bodyHtml).toContain("Elegir qué correos recibes");
    expect(anaEmail.bodyText).not.toContain("Hello");
    // English exactly as it has always read.
    expect(benEmail.subject).toBe(`Message about ${t.activity.title}`);
    expect(benEmail.bodyText).toContain("Hello Ben,");
    expect(benEmail.bodyText).toContain("Open the activity: http://localhost:3000/activities/");
    expect(benEmail.bodyText).toContain("You're getting this from Common Thread because you're going to this activity and its organizers wrote to this list.");
    expect(benEmail.bodyText).toContain("Stop these emails: ");

    // Through a real mail server: the Spanish email and its calendar entry arrive in Spanish.
    const smtp = await startSmtpServer();
    const transport = smtpTransport(`smtp://127.0.0.1:${smtp.port}`, "Common Thread <hello@thread.test>");
    try {
      await transport.send(await composeEmail(anaEmail, transport.from));
      const mail = smtp.received.find((m) => m.to.includes(t.ana.email))!;
      expect(mail.headers.get("subject")).toBe(`Mensaje sobre ${t.activity.title}`);
      expect(mimePart(mail.raw, "text/plain")?.body).toContain("Abrir la actividad");
      const ics = mimePart(mail.raw, "text/calendar")?.body.replace(/\r\n /g, "") ?? "";
      expect(ics).toContain("En línea: https://meet.example/riego");
      expect(ics).not.toContain("Online:");
    } finally {
      transport.close?.();
      await smtp.close();
    }
  });

  it("the day-before reminder is in Spanish for a Spanish member, with Spanish one-click choices, and in English for the rest", async () => {
    const t = await town();
    expect(await remindActivityNow(t.activity.id)).toBe(2);
    const { notices, emails } = await rowsOf([t.ana.id, t.ben.id], "reminder");
    expect(notices.find((n) => n.userId === t.ana.id)!.title).toMatch(new RegExp(`^(Hoy|Mañana): ${t.activity.title}$`));
    expect(notices.find((n) => n.userId === t.ana.id)!.body).toMatch(new RegExp(`^${t.activity.title} es el .+ a las \\d\\d:\\d\\d, en internet\\.$`));
    expect(notices.find((n) => n.userId === t.ben.id)!.title).toMatch(new RegExp(`^(Today|Tomorrow): ${t.activity.title}$`));
    expect(notices.find((n) => n.userId === t.ben.id)!.body).toMatch(new RegExp(`^${t.activity.title} is on .+ at \\d\\d:\\d\\d, at online\\.$`));

    const anaEmail = emails.find((e) => e.userId === t.ana.id)!;
    expect(anaEmail.subject).toMatch(/^(Hoy|Mañana): /);
    expect(anaEmail.bodyText).toContain("¿Sigues viniendo?");
    expect(anaEmail.bodyText).toMatch(/Sí, voy: http:\/\/localhost:3000\/\S+/);
    expect(anaEmail.bodyText).toMatch(/Liberar mi plaza: http:\/\/localhost:3000\/\S+/);
    expect(anaEmail.bodyText).toContain("Ver los detalles: ");
    const benEmail = emails.find((e) => e.userId === t.ben.id)!;
    expect(benEmail.bodyText).toContain("Still coming? One click tells the organizers.");
    expect(benEmail.bodyText).toMatch(/Yes, I'm coming: http:\/\/localhost:3000\/\S+/);
    expect(benEmail.bodyText).toMatch(/Free my place: http:\/\/localhost:3000\/\S+/);
    // The gentle-words rule holds in Spanish too.
    expect(anaEmail.bodyText.toLowerCase()).not.toMatch(/racha|perdiste|fallaste|atrasad/);
  });

  it("a change of time is told with Spanish labels to a Spanish member, and a later edit still folds into one email", async () => {
    const t = await town();
    const facts = (hours: number) => ({ startsAt: new Date(t.activity.startsAt.getTime() + hours * 3600_000), endsAt: new Date(t.activity.endsAt.getTime() + hours * 3600_000), timezone: t.activity.timezone, placeName: "Huerto", address: "Calle Mayor 1", onlineUrl: null });
    const db = await getDb();
    const tell = (from: number, to: number) => db.transaction((tx) => tellOfChange(tx, t.activity, [t.ana.id, t.ben.id], { before: facts(from) as never, after: facts(to) as never, following: false }));
    await tell(0, 1);
    await tell(1, 2);
    const { notices, emails } = await rowsOf([t.ana.id, t.ben.id], "activity_changed");
    expect(notices.filter((n) => n.userId === t.ana.id).map((n) => n.title)).toEqual([`${t.activity.title} ha cambiado`, `${t.activity.title} ha cambiado`]);
    expect(notices.find((n) => n.userId === t.ana.id)!.body).toMatch(/^Ha cambiado la hora\. Revisa los detalles antes de ir\.\nHora: .+ → .+$/);
    expect(notices.find((n) => n.userId === t.ben.id)!.body).toMatch(/^The time has changed\. Please check the details before you go\.\nTime: .+ → .+$/);
    // One email each, saying the net change from the first time to the last.
    const anaEmails = emails.filter((e) => e.userId === t.ana.id);
    expect(anaEmails).toHaveLength(1);
    const first = notices.filter((n) => n.userId === t.ana.id).map((n) => n.body.split("\n")[1]);
    const was = first.map((line) => line.slice("Hora: ".length).split(" → "));
    expect(anaEmails[0].bodyText).toContain(`Hora: ${was[0][0]} → ${was[1][1]}`);
    expect(emails.filter((e) => e.userId === t.ben.id)).toHaveLength(1);
  });
});

describe("calendar files and feeds in the reader's language", () => {
  it("a Spanish member's calendar feed is named and written in Spanish; an English member's as before", async () => {
    const t = await town();
    const feedOf = async (userId: string) => {
      const created = await createCalendarFeed(userId, null);
      if (!created.ok) throw new Error("feed not created");
      const res = await feedRoute(new Request(`http://hub.test/feeds/${created.token}.ics`), { params: Promise.resolve({ file: `${created.token}.ics` }) });
      expect(res.status).toBe(200);
      return (await res.text()).replace(/\r\n /g, "");
    };
    const spanish = await feedOf(t.ana.id);
    expect(spanish).toContain("X-WR-CALNAME:Mis actividades · Common Thread");
    expect(spanish).toContain("En línea: https://meet.example/riego");
    const english = await feedOf(t.ben.id);
    expect(english).toContain("X-WR-CALNAME:My activities · Common Thread");
    expect(english).toContain("Online: https://meet.example/riego");
  });

  it("a visitor's download of an activity's calendar file follows their browser's language, and caches keep one per language", async () => {
    const t = await town();
    const download = (headers: Record<string, string>) => calendarRoute(new Request(`http://hub.test/activities/${t.activity.id}/calendar.ics`, { headers }), { params: Promise.resolve({ id: t.activity.id }) });
    const es = await download({ "accept-language": "es-ES,es;q=0.9" });
    expect(es.headers.get("vary")).toMatch(/Accept-Language/);
    expect((await es.text()).replace(/\r\n /g, "")).toContain("LOCATION:En línea");
    expect((await (await download({ cookie: "ct_locale=es" })).text()).replace(/\r\n /g, "")).toContain("LOCATION:En línea");
    expect((await (await download({})).text()).replace(/\r\n /g, "")).toContain("LOCATION:Online");
  });

  it("a group's public feed speaks the reader's language around the activities", async () => {
    const t = await town();
    const es = await groupFeed(new Request(`http://hub.test/groups/${t.group.slug}/feed.rss`, { headers: { "accept-language": "es" } }), t.group.slug, "rss");
    const rss = await es.text();
    expect(rss).toContain("<description>Lo próximo en Huerto del Río.</description>");
    expect(rss).toContain("<language>es</language>");
    expect(rss).toContain("Paseo en grupo");
    const en = await (await groupFeed(new Request(`http://hub.test/groups/${t.group.slug}/feed.rss`), t.group.slug, "rss")).text();
    expect(en).toContain("<description>What&apos;s coming up at Huerto del Río.</description>");
    expect(en).toContain("Group walk");
  });

  it("the public listing's feed is titled in Spanish, and a feed's refusals are said in the reader's language", async () => {
    const es = { "accept-language": "es-ES,es;q=0.9" };
    const listing = await (await listingFeed(new Request("http://hub.test/activities/feed.rss", { headers: es }), "rss")).text();
    expect(listing).toContain("<title>Actividades · Common Thread</title>");
    const missing = await groupFeed(new Request("http://hub.test/groups/nobody-here/feed.rss", { headers: es }), "nobody-here", "rss");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("vary")).toMatch(/Accept-Language/);
    expect((await missing.json()).error).toMatchObject({ code: "not_found", message: "No hay ningún grupo público en esta dirección." });
    const bad = await listingFeed(new Request("http://hub.test/activities/feed.rss?kind=swim", { headers: es }), "rss");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: "invalid_query", message: "Revisa kind, por favor." });
    const english = await groupFeed(new Request("http://hub.test/groups/nobody-here/feed.rss"), "nobody-here", "rss");
    expect((await english.json()).error.message).toBe("There is no public group at this address.");
  });
});
