import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { markAllNotificationsRead, markNotificationsRead, notify } from "@/db/mutations/notifications";
import { countUnreadNotifications, listNotifications } from "@/db/queries/notifications";
import { getMemberForRequest } from "@/db/users";
import { makeUser } from "./helpers/factories";

describe("the notifications page", () => {
  it("lists unread notices first, newest first within each, and counts what is unread", async () => {
    const member = await makeUser();
    const other = await makeUser();
    const db = await getDb();
    for (const title of ["first", "second", "third"]) {
      await db.transaction((tx) => notify(tx, { userId: member.id, type: "rsvp_confirmed", title, href: "/activities" }));
      await new Promise((r) => setTimeout(r, 5));
    }
    const [third, second, first] = await listNotifications(member.id);
    expect([third.title, second.title, first.title]).toEqual(["third", "second", "first"]);
    // Reading the newest moves it below the unread ones; someone else's id changes nothing.
    expect(await markNotificationsRead(other.id, [second.id])).toBe(0);
    await markNotificationsRead(member.id, [third.id]);
    expect((await listNotifications(member.id)).map((n) => n.title)).toEqual(["second", "first", "third"]);
    expect(await countUnreadNotifications(member.id)).toBe(2);
    // The header reads the same count with the member, in one statement; others' notices are not theirs.
    expect((await getMemberForRequest(member.id))?.unreadNotifications).toBe(2);
    expect((await getMemberForRequest(other.id))?.unreadNotifications).toBe(0);
    await markAllNotificationsRead(member.id);
    expect(await countUnreadNotifications(member.id)).toBe(0);
    expect((await getMemberForRequest(member.id))?.unreadNotifications).toBe(0);
    expect((await listNotifications(member.id)).map((n) => n.title)).toEqual(["third", "second", "first"]);
  });
});
