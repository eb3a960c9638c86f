import { and, asc, eq, like } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { requestGuestRsvpAction } from "@/app/activities/[id]/guest-actions";
import { getDb } from "@/db/client";
import { composeEmail } from "@/db/jobs/email-sender";
import { remindActivityNow } from "@/db/jobs/reminders";
import { confirmGuestRsvp, requestGuestRsvp } from "@/db/mutations/guest-rsvps";
import { emailOutbox, guestRsvps } from "@/db/schema";
import { formShownToken, MIN_FILL_MS } from "@/lib/guest-links";
import { makeActivity, makeGroup } from "./helpers/factories";
import { askAs } from "./helpers/session";

vi.mock("@/server/auth/config", async (original) => (await import("./helpers/session")).mockAuthConfig(await original()));
vi.mock("next/headers", async () => (await import("./helpers/session")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("./helpers/session")).mockNextCache());

/*
 * A guest has no account to hold a language setting: the language of the request they RSVP'd
 * from is kept on their RSVP, and every email to them (the confirmation link, "you're going"
 * with its calendar entry, the reminder) is written in it, whatever language later requests speak.
 */

afterEach(() => askAs());

let n = 0;
const address = (name: string) => `${name}-${Date.now()}-${++n}@example.org`;

/** The guest RSVP form posted from the activity's page, as a visitor whose browser asks for `acceptLanguage`. */
async function rsvpFrom(acceptLanguage: string, activityId: string, email: string, firstName: string) {
  askAs({ acceptLanguage });
  const form = new FormData();
  for (const [k, v] of Object.entries({ activityId, firstName, email, website: "", shownAt: formShownToken(Date.now() - MIN_FILL_MS - 1000) })) form.set(k, v);
  const answer = await requestGuestRsvpAction(null, form);
  askAs();
  return answer;
}

async function emailsTo(to: string) {
  return (await getDb()).select().from(emailOutbox).where(eq(emailOutbox.toAddress, to)).orderBy(asc(emailOutbox.createdAt));
}

const confirmToken = (bodyText: string) => /\/guest\/confirm\/([A-Za-z0-9_.-]+)/.exec(bodyText)![1];

describe("a guest's emails in the language they RSVP'd in", () => {
  it("a guest who RSVPs from a Spanish browser gets the confirmation link, the confirmation and the reminder in Spanish; an English one in English", async () => {
    const group = await makeGroup({ visibility: "public" });
    // Two days ahead, so the reminder time (18:00 the day before) is still to come whatever the hour
    // the test runs: a guest who confirms after it is, rightly, not reminded.
    const activity = await makeActivity(group.id, { title: "Riego de tarde", onlineUrl: "https://meet.example/riego", startsInHours: 48 });
    const lucia = address("lucia");
    const robin = address("robin");

    expect(await rsvpFrom("es-MX,es;q=0.9,en;q=0.5", activity.id, lucia, "Lucía")).toMatchObject({ ok: true });
    expect(await rsvpFrom("en-GB,en;q=0.8", activity.id, robin, "Robin")).toMatchObject({ ok: true });
    const [luciaRow] = await (await getDb()).select().from(guestRsvps).where(eq(guestRsvps.email, lucia));
    expect(luciaRow.locale).toBe("es");

    const [askLucia] = await emailsTo(lucia);
    expect(askLucia.subject).toBe("Confirma tu plaza en Riego de tarde");
    expect(askLucia.bodyText).toContain("Hola, Lucía: confirma tu respuesta a Riego de tarde");
    expect(askLucia.bodyText).not.toContain("Confirm your place");
    const [askRobin] = await emailsTo(robin);
    expect(askRobin.subject).toBe("Confirm your place at Riego de tarde");

    // Confirmed later, from a request that speaks no language (a link opened anywhere): still Spanish.
    expect(await confirmGuestRsvp(await getDb(), confirmToken(askLucia.bodyText))).toMatchObject({ ok: true });
    expect(await confirmGuestRsvp(await getDb(), confirmToken(askRobin.bodyText))).toMatchObject({ ok: true });
    const confirmedLucia = (await emailsTo(lucia)).find((e) => e.type === "guest_notice")!;
    expect(confirmedLucia.subject).toBe("Vas a ir a Riego de tarde");
    expect(confirmedLucia.bodyText).toContain("Ver o cambiar mi respuesta");
    const confirmedRobin = (await emailsTo(robin)).find((e) => e.type === "guest_notice")!;
    expect(confirmedRobin.subject).toBe("You're going to Riego de tarde");
    expect(confirmedRobin.bodyText).toContain("See or change my RSVP");

    // The calendar entry attached is in the guest's language too.
    const ics = (mail: Awaited<ReturnType<typeof composeEmail>>) => String(mail.attachments?.[0]?.content ?? "").replace(/\r\n /g, "");
    expect(ics(await composeEmail(confirmedLucia, "Common Thread <hello@thread.test>"))).toContain("LOCATION:En línea");
    expect(ics(await composeEmail(confirmedRobin, "Common Thread <hello@thread.test>"))).toContain("LOCATION:Online");

    // A later notice: the day-before reminder.
    await remindActivityNow(activity.id);
    const reminder = async (to: string) => (await (await getDb()).select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, to), like(emailOutbox.dedupeKey, "guest-reminder:%"))))[0];
    expect((await reminder(lucia)).bodyText).toContain("Si ya no puedes ir, cancela con el enlace de abajo para que pueda venir otra persona.");
    expect((await reminder(robin)).bodyText).toContain("If you can't make it any more, cancel with the link below so someone else can come.");
  });

  it("asking again from an English browser writes the next emails in English", async () => {
    const group = await makeGroup({ visibility: "public" });
    const activity = await makeActivity(group.id);
    const sam = address("sam");
    await rsvpFrom("es", activity.id, sam, "Sam");
    await rsvpFrom("en", activity.id, sam, "Sam");
    const [first, second] = await emailsTo(sam);
    expect(first.subject).toBe(`Confirma tu plaza en ${activity.title}`);
    expect(second.subject).toBe(`Confirm your place at ${activity.title}`);
  });

  it("outside any request (a script, the seed), a guest's emails are in English", async () => {
    const group = await makeGroup({ visibility: "public" });
    const activity = await makeActivity(group.id);
    const kim = address("kim");
    expect(await requestGuestRsvp(await getDb(), { activityId: activity.id, email: kim, firstName: "Kim" })).toMatchObject({ ok: true });
    expect((await emailsTo(kim))[0].subject).toBe(`Confirm your place at ${activity.title}`);
  });
});
