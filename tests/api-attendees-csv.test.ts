import { describe, expect, it } from "vitest";
import { GET as csvRoute } from "@/app/activities/[id]/organize/attendees.csv/route";
import { createApiToken } from "@/db/mutations/api-tokens";
import { getDb } from "@/db/client";
import { requestGuestRsvp } from "@/db/mutations/guest-rsvps";
import { submitRsvp } from "@/db/mutations/rsvps";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";

const get = (activityId: string, token?: string) =>
  csvRoute(new Request(`http://hub.test/activities/${activityId}/organize/attendees.csv`, { headers: token ? { authorization: `Bearer ${token}` } : {} }), {
    params: Promise.resolve({ id: activityId }),
  });

describe("attendee CSV export", () => {
  it("gives organizers an RFC 4180 file where names with commas, quotes and formulas stay plain text", async () => {
    const group = await makeGroup();
    const organizer = await makeUser();
    await addMember(group.id, organizer.id, "organizer");
    const activity = await makeActivity(group.id, { capacity: 1 });
    const tricky = await makeUser({ name: 'Jo "JJ" Smith, Jr' });
    const formula = await makeUser({ name: "=HYPERLINK(\"x\")" });
    await submitRsvp({ activityId: activity.id, userId: tricky.id, status: "going", goTogether: true });
    await submitRsvp({ activityId: activity.id, userId: formula.id, status: "going" });
    const { token } = await createApiToken(organizer.id, "csv");

    const res = await get(activity.id, token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    const text = await res.text();
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("name,rsvp,waitlist_position,go_together,offers_to_greet,greeter,attendance,responded_at,guest,guest_email,slots,still_coming_at");
    expect(lines[1]).toMatch(/^"Jo ""JJ"" Smith, Jr",going,,yes,no,,,\d{4}-/);
    expect(lines[2]).toMatch(/^"'=HYPERLINK\(""x""\)",waitlisted,1,no,no,,,/);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/);
  });

  it("marks guests as guests, with the email they gave, in line with members", async () => {
    const group = await makeGroup();
    const organizer = await makeUser();
    await addMember(group.id, organizer.id, "organizer");
    const activity = await makeActivity(group.id, { capacity: 1 });
    const member = await makeUser({ name: "Member Mo" });
    await submitRsvp({ activityId: activity.id, userId: member.id, status: "going" });
    const db = await getDb();
    await requestGuestRsvp(db, { activityId: activity.id, email: "guest.gil@example.org", firstName: "Gil" });
    const { token } = await createApiToken(organizer.id, "csv");
    const lines = (await (await get(activity.id, token)).text()).split("\r\n");
    expect(lines[1]).toMatch(/^Member Mo,going,,no,no,,,\d{4}-[^,]+,no,,,$/);
    expect(lines[2]).toMatch(/^Gil,waitlisted \(not confirmed yet\),1,no,no,,,\d{4}-[^,]+,yes,guest\.gil@example\.org,,$/);
  });

  it("is refused to members who are not organizers (403), to nobody signed in (401) and for private activities to outsiders (404)", async () => {
    const group = await makeGroup();
    const activity = await makeActivity(group.id);
    const member = await makeUser();
    await addMember(group.id, member.id);
    expect((await get(activity.id, (await createApiToken(member.id, "m")).token)).status).toBe(403);
    expect((await get(activity.id)).status).toBe(401);
    const secret = await makeActivity((await makeGroup({ visibility: "private" })).id);
    expect((await get(secret.id, (await createApiToken(member.id, "m2")).token)).status).toBe(404);
  });
});
