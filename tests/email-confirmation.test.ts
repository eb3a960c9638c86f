import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { cancelActivity } from "@/db/mutations/activities";
import { enqueueEmails } from "@/db/mutations/email";
import { confirmGuestRsvp, requestGuestRsvp } from "@/db/mutations/guest-rsvps";
import { emailLinkState, sendVerificationLink, spendEmailLink } from "@/db/mutations/email-links";
import { messageActivityList } from "@/db/mutations/messages";
import { requestPasswordReset } from "@/db/mutations/passwords";
import { respondToActivity } from "@/db/mutations/rsvps";
import { composeEmail } from "@/db/jobs/email-sender";
import { emailLinks, emailOutbox, guestRsvps, notifications, rsvps, users } from "@/db/schema";
import { emailTypes, EMAIL_TYPES_BEFORE_CONFIRMATION } from "@/lib/email/types";
import { smtpTransport } from "@/lib/email/transport";
import { signUpMember } from "@/server/auth/sign-up";
import { getViewer } from "@/server/auth/session";
import { resendConfirmationAction, sendNewConfirmationLinkAction, confirmEmailAction } from "@/app/(auth)/link-actions";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";
import { actAs, redirectTarget } from "./helpers/session";
import { mimePart, startSmtpServer } from "./helpers/smtp";

vi.mock("@/server/auth/config", async (original) => (await import("./helpers/session")).mockAuthConfig(await original()));
vi.mock("next/headers", async () => (await import("./helpers/session")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("./helpers/session")).mockNextCache());

const email = (label: string) => `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@confirm.example`;
const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
};

async function outboxTo(address: string) {
  const db = await getDb();
  return db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address));
}

/** The token in the newest confirmation link emailed to `address`. */
async function linkIn(address: string, type = "email_verification"): Promise<string> {
  const rows = (await outboxTo(address)).filter((r) => r.type === type).sort((a, b) => +b.createdAt - +a.createdAt);
  const token = rows[0]?.bodyText.match(/\/(?:confirm-email|signin\/link)\/([A-Za-z0-9_-]+)/)?.[1];
  expect(token, `no ${type} link was emailed to ${address}`).toBeDefined();
  return token!;
}

async function newSignUp(label = "new") {
  const created = await signUpMember({ name: "Pat New", email: email(label), password: "a long enough password" }, "192.0.2.44");
  if (!created.ok) throw new Error("sign-up failed");
  return created.user;
}

beforeEach(() => actAs(null));

describe("a new account's email", () => {
  it("starts unconfirmed, and the link to confirm it arrives by SMTP", async () => {
    const smtp = await startSmtpServer();
    try {
      const user = await newSignUp();
      expect(user.emailVerifiedAt).toBeNull();
      const [row] = await outboxTo(user.email);
      expect(row).toMatchObject({ type: "email_verification", userId: user.id, status: "pending" });
      const transport = smtpTransport(`smtp://127.0.0.1:${smtp.port}`, "Common Thread <hello@thread.test>");
      // This row alone, as the sender writes it (draining the whole outbox would send other files' mail too).
      await transport.send(await composeEmail(row, transport.from));
      const mail = smtp.received.find((m) => m.to.includes(user.email))!;
      expect(mail.headers.get("subject")).toBe("Confirm your email for Common Thread");
      // Not an optional kind: no unsubscribe header.
      expect(mail.headers.get("list-unsubscribe")).toBeUndefined();
      const token = mimePart(mail.raw, "text/plain")?.body.match(/Confirm my email: http:\/\/localhost:3000\/confirm-email\/([A-Za-z0-9_-]+)/)?.[1];
      expect(token).toBeDefined();
      // Opening the link's page spends nothing; the button does.
      expect(await emailLinkState(token!, "verify")).toBe("valid");
      expect(await emailLinkState(token!, "verify")).toBe("valid");
      await expect(confirmEmailAction(null, form({ token: token! })).catch((e) => redirectTarget(e))).resolves.toBe("/confirm-email/done");
      const db = await getDb();
      const [after] = await db.select().from(users).where(eq(users.id, user.id));
      expect(after.emailVerifiedAt).not.toBeNull();
      // Confirming keeps the password and the sessions: the owner pressed the link.
      expect(after.passwordHash).toBe(user.passwordHash);
      expect(after.sessionVersion).toBe(user.sessionVersion);
    } finally {
      await smtp.close();
    }
  });

  it("until confirmed, gets only that link and password resets: no reminders, organizer messages or notices by email", async () => {
    const user = await newSignUp("quiet");
    const db = await getDb();
    // Every kind of email the hub has, through the one place emails are written.
    await db.transaction((tx) => enqueueEmails(tx as never, emailTypes.map((type) => ({ userId: user.id, type, data: { title: "t", body: "", url: "http://localhost:3000/x", expiresInMinutes: 15 } as never, dedupeKey: `all-kinds:${type}:${user.id}` }))));
    const kinds = (await outboxTo(user.email)).map((r) => r.type).sort();
    expect(kinds).toEqual([...EMAIL_TYPES_BEFORE_CONFIRMATION, "email_verification"].sort());

    // And through the real paths: an organizer's message and a cancellation reach the hub, not the inbox.
    const group = await makeGroup();
    const organizer = await makeUser();
    await addMember(group.id, organizer.id, "organizer");
    const activity = await makeActivity(group.id);
    expect((await respondToActivity(db, { activityId: activity.id, userId: user.id, status: "going" })).ok).toBe(true);
    expect(await messageActivityList({ activityId: activity.id, actorId: organizer.id, audience: "going", message: "Bring gloves" })).toEqual({ ok: true, sent: 1 });
    expect((await cancelActivity({ id: organizer.id }, activity.id)).ok).toBe(true);
    const notices = await db.select().from(notifications).where(eq(notifications.userId, user.id));
    expect(notices.map((n) => n.type)).toEqual(expect.arrayContaining(["activity_cancelled", "organizer_message"]));
    expect((await outboxTo(user.email)).filter((r) => r.type === "organizer_message" || r.type === "activity_cancelled")).toEqual([]);

    // A reset asked for is sent all the same.
    await requestPasswordReset(user.email, "http://localhost:3000", new Date(Date.now() + 1000));
    expect((await outboxTo(user.email)).filter((r) => r.type === "password_reset").length).toBeGreaterThan(1);
  });

  it("once confirmed, gets the emails it chose like anyone", async () => {
    const user = await newSignUp("confirmed");
    expect((await spendEmailLink(await linkIn(user.email), "verify")).ok).toBe(true);
    const group = await makeGroup();
    const organizer = await makeUser();
    await addMember(group.id, organizer.id, "organizer");
    const activity = await makeActivity(group.id);
    const db = await getDb();
    await respondToActivity(db, { activityId: activity.id, userId: user.id, status: "going" });
    await messageActivityList({ activityId: activity.id, actorId: organizer.id, audience: "going", message: "Bring gloves" });
    expect((await outboxTo(user.email)).map((r) => r.type)).toContain("organizer_message");
  });

  it("counts accounts written any other way than sign-up (seeds, restores, earlier rows) as confirmed", async () => {
    const db = await getDb();
    const address = email("restored");
    await db.execute(sql`insert into users (email, name, password_hash) values (${address}, 'Restored Rowan', 'x')`);
    const [row] = await db.select().from(users).where(eq(users.email, address));
    expect(row.emailVerifiedAt).toBeInstanceOf(Date);
    expect((await makeUser()).emailVerifiedAt).toBeInstanceOf(Date);
  });
});

describe("a confirmation link", () => {
  it("works once: used again, it says so and confirms nothing more", async () => {
    const user = await newSignUp("reuse");
    const token = await linkIn(user.email);
    expect(await spendEmailLink(token, "verify")).toMatchObject({ ok: true, newlyVerified: true });
    expect(await emailLinkState(token, "verify")).toBe("used");
    expect(await spendEmailLink(token, "verify")).toEqual({ ok: false, state: "used" });
    expect(await confirmEmailAction(null, form({ token }))).toMatchObject({ ok: false, code: "closed", message: expect.stringMatching(/already been used/) });
  });

  it("expires after two days, says so, and a new one can be sent from it, signed out", async () => {
    const user = await newSignUp("expired");
    const token = await linkIn(user.email);
    const later = new Date(Date.now() + 49 * 3600_000);
    expect(await emailLinkState(token, "verify", later)).toBe("expired");
    expect(await spendEmailLink(token, "verify", later)).toEqual({ ok: false, state: "expired" });
    const sent = await sendNewConfirmationLinkAction(null, form({ token }));
    expect(sent).toMatchObject({ ok: true });
    const fresh = await linkIn(user.email);
    expect(fresh).not.toBe(token);
    expect(await emailLinkState(fresh, "verify")).toBe("valid");
  });

  it("stops the other confirmation links once the email is confirmed", async () => {
    const user = await newSignUp("others");
    const first = await linkIn(user.email);
    await sendVerificationLink(user.id, "http://localhost:3000");
    const second = await linkIn(user.email);
    expect(second).not.toBe(first);
    expect((await spendEmailLink(second, "verify")).ok).toBe(true);
    expect(await emailLinkState(first, "verify")).toBe("used");
    // Nothing left to confirm: no new link is sent from an old one.
    expect(await sendNewConfirmationLinkAction(null, form({ token: first }))).toMatchObject({ ok: false, code: "not_found" });
  });

  it("a guest's places taken with the address become the account's RSVPs once it is confirmed, and not before", async () => {
    const db = await getDb();
    const group = await makeGroup();
    const activity = await makeActivity(group.id, { capacity: 4 });
    const address = email("guest-then-member");
    expect((await requestGuestRsvp(db, { activityId: activity.id, email: address, firstName: "Robin" })).ok).toBe(true);
    const guestConfirm = (await outboxTo(address)).find((r) => r.type === "guest_confirm")?.bodyText.match(/\/guest\/confirm\/([A-Za-z0-9_.-]+)/)?.[1];
    expect(guestConfirm).toBeDefined();
    expect((await confirmGuestRsvp(db, guestConfirm!)).ok).toBe(true);

    const created = await signUpMember({ name: "Robin Guest", email: address, password: "a long enough password" }, "192.0.2.45");
    if (!created.ok) throw new Error("sign-up failed");
    // Signed up, not confirmed: anyone can type an address, so the guest's place stays the guest's.
    expect(await db.select().from(rsvps).where(eq(rsvps.userId, created.user.id))).toEqual([]);
    expect(await db.select({ id: guestRsvps.id }).from(guestRsvps).where(eq(guestRsvps.email, address))).toHaveLength(1);

    expect((await spendEmailLink(await linkIn(address), "verify")).ok).toBe(true);
    const mine = await db.select().from(rsvps).where(eq(rsvps.userId, created.user.id));
    expect(mine.map((r) => ({ activityId: r.activityId, status: r.status }))).toEqual([{ activityId: activity.id, status: "going" }]);
    expect(await db.select({ id: guestRsvps.id }).from(guestRsvps).where(eq(guestRsvps.email, address))).toEqual([]);
  });

  it("a token that is not one of ours is refused without a query", async () => {
    expect(await emailLinkState("short", "verify")).toBe("unknown");
    expect(await confirmEmailAction(null, form({ token: "x".repeat(43) }))).toMatchObject({ ok: false, code: "not_found" });
    expect(await confirmEmailAction(null, form({ token: "../../etc" }))).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("where the member stands", () => {
  it("the viewer knows the email is unconfirmed, and 'send the link again' is limited to three an hour", async () => {
    const user = await newSignUp("banner");
    actAs(user);
    expect((await getViewer())?.emailConfirmed).toBe(false);
    for (let i = 0; i < 3; i++) expect(await resendConfirmationAction(null, new FormData())).toMatchObject({ ok: true });
    expect(await resendConfirmationAction(null, new FormData())).toMatchObject({ ok: false, code: "rate_limited" });
    const db = await getDb();
    expect(await db.select().from(emailLinks).where(and(eq(emailLinks.userId, user.id), eq(emailLinks.purpose, "verify")))).toHaveLength(4);
  });

  it("says there is nothing to do once confirmed, and sends nothing", async () => {
    const user = await makeUser();
    actAs(user);
    expect((await getViewer())?.emailConfirmed).toBe(true);
    expect(await resendConfirmationAction(null, new FormData())).toMatchObject({ ok: true, data: { message: expect.stringMatching(/confirmed already/) } });
    expect(await outboxTo(user.email)).toEqual([]);
  });
});
