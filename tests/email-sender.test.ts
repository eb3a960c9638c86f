import { spawn } from "node:child_process";
import path from "node:path";
import { eq, like } from "drizzle-orm";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { type Db, getDb } from "@/db/client";
import { backoffDelay, sendDueEmails } from "@/db/jobs/email-sender";
import { cancelActivity } from "@/db/mutations/activities";
import { enqueueEmails } from "@/db/mutations/email";
import { respondToActivity } from "@/db/mutations/rsvps";
import { emailOutbox, users } from "@/db/schema";
import { smtpTransport } from "@/lib/email/transport";
import { verifyUnsubscribeToken } from "@/lib/email/unsubscribe";
import { addMember, makeActivity, makeGroup, makeUser, usingPostgres } from "./helpers/factories";
import { type OwnDatabase, ownDatabase, ownDatabaseForTheseTests } from "./helpers/own-database";
import { mimePart, startSmtpServer } from "./helpers/smtp";

const FROM = "Common Thread <hello@thread.test>";

/** Sends until the given rows are no longer pending. */
async function drain(transport: ReturnType<typeof smtpTransport>, ids: string[], passes = 20, options: Parameters<typeof sendDueEmails>[1] = {}) {
  const db = await getDb();
  for (let i = 0; i < passes; i++) {
    await sendDueEmails(transport, options);
    const rows = await db.select().from(emailOutbox);
    if (rows.filter((r) => ids.includes(r.id)).every((r) => r.status !== "pending")) return;
    await new Promise((r) => setTimeout(r, 30));
  }
}

describe("sending email through SMTP", () => {
  ownDatabaseForTheseTests("ct_email_smtp");

  it("a cancelled activity's email arrives with unsubscribe headers, a Message-ID and the calendar entry marked cancelled", async () => {
    const smtp = await startSmtpServer();
    const transport = smtpTransport(`smtp://127.0.0.1:${smtp.port}`, FROM);
    try {
      const group = await makeGroup({ name: "Riverside Gardeners" });
      const organizer = await makeUser();
      await addMember(group.id, organizer.id, "organizer");
      const activity = await makeActivity(group.id, { title: "Tuesday garden shift", timezone: "Europe/London" });
      const member = await makeUser();
      await respondToActivity(await getDb(), { activityId: activity.id, userId: member.id, status: "going" });
      expect((await cancelActivity({ id: organizer.id }, activity.id)).ok).toBe(true);
      const db = await getDb();
      const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.userId, member.id));
      await drain(transport, [row.id]);

      const mail = smtp.received.find((m) => m.to.includes(member.email))!;
      expect(mail).toBeDefined();
      const [sent] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, row.id));
      expect(sent).toMatchObject({ status: "sent", attempts: 1, lastError: null });
      expect(mail.messageId).toBe(sent.messageId);
      expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@localhost>$/);
      expect(mail.headers.get("subject")).toBe("Tuesday garden shift is cancelled");
      expect(mail.headers.get("from")).toContain("hello@thread.test");
      expect(mail.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
      const unsubscribe = mail.headers.get("list-unsubscribe")!.match(/^<http:\/\/localhost:3000\/api\/unsubscribe\/([^>]+)>$/);
      expect(unsubscribe && verifyUnsubscribeToken(unsubscribe[1])).toEqual({ userId: member.id, type: "activity_cancelled" });
      expect(mimePart(mail.raw, "text/plain")?.body).toContain(`http://localhost:3000/activities/${activity.id}`);
      expect(mimePart(mail.raw, "text/html")?.body).toContain("Stop these emails");

      const ics = mimePart(mail.raw, "text/calendar");
      expect(ics?.headers.get("content-type")).toContain("method=CANCEL");
      const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics!.body)).getFirstSubcomponent("vevent")!);
      expect(event.uid).toBe(`${activity.id}@common-thread`);
      expect(event.summary).toBe("Tuesday garden shift");
      expect(event.component.getFirstPropertyValue("status")).toBe("CANCELLED");
      expect(event.sequence).toBe(1);
      expect(event.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual([`mailto:${member.email}`]);
    } finally {
      transport.close?.();
      await smtp.close();
    }
  });

  it("a message the server keeps refusing is retried with growing waits, then marked failed with the reason", async () => {
    const smtp = await startSmtpServer((mail) => {
      if (mail.to.some((t) => t.startsWith("bounce-"))) throw new Error("mailbox unavailable");
    });
    const transport = smtpTransport(`smtp://127.0.0.1:${smtp.port}`, FROM);
    try {
      const member = await makeUser({ email: `bounce-${Date.now()}@test.example` });
      const db = await getDb();
      await db.transaction((tx) => enqueueEmails(tx, [{ userId: member.id, type: "organizer_message", data: { title: "Hello", body: "Bring gloves" }, dedupeKey: `bounce:${member.id}` }]));
      const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.userId, member.id));
      const waits: number[] = [];
      for (let attempt = 1; attempt <= 3; attempt++) {
        await db.update(emailOutbox).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(emailOutbox.id, row.id));
        const before = Date.now();
        await drainOnce(transport, row.id, { maxAttempts: 3 });
        const [now] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, row.id));
        expect(now.attempts).toBe(attempt);
        expect(now.lastError).toContain("mailbox unavailable");
        if (attempt < 3) {
          expect(now.status).toBe("pending");
          waits.push(now.nextAttemptAt.getTime() - before);
        } else {
          expect(now.status).toBe("failed");
        }
      }
      expect(waits[0]).toBeGreaterThanOrEqual(backoffDelay(1) - 1000);
      expect(waits[1]).toBeGreaterThanOrEqual(backoffDelay(2) - 1000);
      expect(backoffDelay(2)).toBe(2 * backoffDelay(1));
      expect(smtp.received.filter((m) => m.to.includes(member.email))).toHaveLength(0);
    } finally {
      transport.close?.();
      await smtp.close();
    }

    async function drainOnce(t: typeof transport, id: string, options: Parameters<typeof sendDueEmails>[1]) {
      const db = await getDb();
      for (let i = 0; i < 10; i++) {
        await sendDueEmails(t, options);
        const [r] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
        if (r.nextAttemptAt.getTime() > Date.now() || r.status !== "pending") return;
      }
    }
  });
});

/**
 * Separate "app instances" (a fixture under tests/fixtures) sending through `smtpUrl` from a
 * database of the test's own: the sender drains every due row, and on the run's shared
 * database other files' waiting mail would go first. Their output is read as it comes (an
 * unread pipe fills and stalls a process on its next log line) and kept for failure messages.
 */
function instances(fixture: string, own: OwnDatabase, env: Record<string, string>) {
  const output: string[] = [];
  const start = (name: string) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(process.cwd(), "tests/fixtures", fixture)], {
      env: { ...process.env, DATABASE_URL: own.url, ...(process.env.DIRECT_DATABASE_URL ? { DIRECT_DATABASE_URL: own.directUrl } : {}), ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    for (const stream of [child.stdout, child.stderr]) stream.on("data", (chunk: Buffer) => output.push(`[${name}] ${chunk.toString()}`));
    child.once("exit", (code, signal) => output.push(`[${name}] exited (${signal ?? `code ${code}`})\n`));
    return child;
  };
  const said = () => output.join("").slice(-4000);
  /** Resolves with `reached`, or fails saying what the instances said when it has not come within `ms`. */
  const within = async (reached: Promise<void>, ms: number, what: string) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms / 1000} s; the instances said:\n${said()}`)), ms)));
    try {
      await Promise.race([reached, late]);
    } finally {
      clearTimeout(timer);
    }
  };
  return { start, said, within };
}

/** For a failure message: the test's outbox rows, its jobs, and every session on its database. */
async function stateOf(own: OwnDatabase, tag: string): Promise<string> {
  const { sql } = await import("drizzle-orm");
  const rows = await own.db.execute(sql`select to_address, status, attempts, next_attempt_at, now() as now, last_error from email_outbox where to_address like ${`${tag}-%`}`);
  const jobs = await own.db.execute(sql`select * from scheduled_jobs`);
  const admin = new (await import("pg")).Client({ connectionString: own.directUrl });
  await admin.connect();
  const sessions = await admin.query(
    "select pid, application_name, state, xact_start, query_start, wait_event_type, wait_event, left(query, 120) as query from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
  );
  const locks = await admin.query("select l.pid, l.locktype, l.mode, l.granted, c.relname from pg_locks l left join pg_class c on c.oid = l.relation where l.database = (select oid from pg_database where datname = current_database()) and l.pid <> pg_backend_pid()");
  await admin.end();
  return JSON.stringify({ rows: (rows as unknown as { rows: unknown[] }).rows, jobs: (jobs as unknown as { rows: unknown[] }).rows, sessions: sessions.rows, locks: locks.rows }, null, 1);
}

/** Members of the test's own database, each with a message waiting in its outbox. */
async function waitingMessages(own: OwnDatabase, tag: string, count: number): Promise<void> {
  const members = await own.db
    .insert(users)
    .values(Array.from({ length: count }, (_, i) => ({ name: `Member ${i}`, email: `${tag}-${i}@test.example`, passwordHash: "x" })))
    .returning({ id: users.id });
  await own.db.transaction((tx) =>
    enqueueEmails(tx as unknown as Db, members.map((m, i) => ({ userId: m.id, type: "organizer_message" as const, data: { title: `Message ${i}`, body: "See you there" }, dedupeKey: `${tag}:${i}` }))),
  );
}

describe.skipIf(!usingPostgres())("a sender killed mid-send (PostgreSQL)", () => {
  it("loses no message and never sends a delivered one again", { timeout: 240_000 }, async () => {
    const tag = `kill-${Date.now()}`;
    let held = 0;
    let release: () => void = () => undefined;
    const heldOne = new Promise<void>((resolve) => (release = resolve));
    // The server accepts our first four messages, then sits on the fifth (no reply): the
    // sender is killed while it waits, so the fifth was never delivered.
    let accepted = 0;
    const smtp = await startSmtpServer(async (mail) => {
      if (!mail.to.some((t) => t.startsWith(tag))) return;
      if (accepted === 4 && held === 0) {
        held++;
        release();
        await new Promise(() => undefined);
      }
      accepted++;
    });
    const own = await ownDatabase("ct_killed_sender");
    try {
      await waitingMessages(own, tag, 10);
      const senders = instances("send-outbox.ts", own, { SMTP_TEST_URL: `smtp://127.0.0.1:${smtp.port}`, LEASE_MS: "1500" });
      const first = senders.start("first");
      await senders.within(heldOne, 90_000, "the first sender did not reach its fifth message");
      first.kill("SIGKILL");
      await new Promise((r) => first.once("exit", r));

      const ours = () => own.db.select().from(emailOutbox).where(like(emailOutbox.toAddress, `${tag}-%`));
      const afterKill = await ours();
      expect(afterKill.filter((r) => r.status === "sent")).toHaveLength(4);

      const second = senders.start("second");
      try {
        // Starting a process takes a while on a busy machine; the wait ends as soon as all are sent.
        const deadline = Date.now() + 150_000;
        while (Date.now() < deadline && (await ours()).some((r) => r.status !== "sent")) await new Promise((r) => setTimeout(r, 200));
      } finally {
        second.kill("SIGKILL");
        await smtp.close().catch(() => undefined);
      }
      const rows = await ours();
      expect(rows.every((r) => r.status === "sent"), senders.said()).toBe(true);
      const delivered = smtp.received.filter((m) => m.to.some((t) => t.startsWith(tag)));
      expect(delivered).toHaveLength(10);
      expect(new Set(delivered.map((m) => m.messageId)).size).toBe(10);
      expect(new Set(delivered.map((m) => m.to[0])).size).toBe(10);
      // The messages delivered before the kill went once, at their first attempt.
      const early = rows.filter((r) => afterKill.find((a) => a.id === r.id)?.status === "sent");
      expect(early.every((r) => r.attempts === 1)).toBe(true);
    } finally {
      await smtp.close().catch(() => undefined);
      await own.drop();
    }
  });
});

describe("a send that outlasts its lease", () => {
  ownDatabaseForTheseTests("ct_email_lease");

  it("keeps the message to itself: a second sender polling all the while does not send it again", { timeout: 30_000 }, async () => {
    const tag = `slow-${Date.now()}`;
    let arrived: () => void = () => undefined;
    const sending = new Promise<void>((resolve) => (arrived = resolve));
    let first = true;
    const smtp = await startSmtpServer(async (mail) => {
      if (!mail.to.some((t) => t.startsWith(tag)) || !first) return;
      // The mail server takes three seconds over the first delivery: five times the lease below.
      first = false;
      arrived();
      await new Promise((r) => setTimeout(r, 3_000));
    });
    try {
      const db = await getDb();
      const member = await makeUser({ email: `${tag}@test.example` });
      await db.transaction((tx) => enqueueEmails(tx, [{ userId: member.id, type: "organizer_message" as const, data: { title: "Slow one", body: "Hello" }, dedupeKey: `${tag}:0` }]));
      const transport = smtpTransport(`smtp://127.0.0.1:${smtp.port}`, FROM);
      const options = { leaseMs: 600 };
      const slow = sendDueEmails(transport, options);
      await sending;
      const until = Date.now() + 2_500;
      while (Date.now() < until) {
        await sendDueEmails(transport, options);
        await new Promise((r) => setTimeout(r, 100));
      }
      await slow;
      const [row] = await db.select().from(emailOutbox).where(like(emailOutbox.toAddress, `${tag}%`));
      expect(row).toMatchObject({ status: "sent", attempts: 1 });
      expect(smtp.received.filter((m) => m.to.some((t) => t.startsWith(tag)))).toHaveLength(1);
    } finally {
      await smtp.close().catch(() => undefined);
    }
  });
});

describe.skipIf(!usingPostgres())("a sender that crashed (PostgreSQL)", () => {
  it("its mail goes out from another instance within about a minute, each message exactly once", { timeout: 240_000 }, async () => {
    const tag = `crash-${Date.now()}`;
    let release: () => void = () => undefined;
    const heldOne = new Promise<void>((resolve) => (release = resolve));
    // The server accepts two messages, then sits on the third (no reply): the sender crashes while it waits.
    let accepted = 0;
    let held = false;
    const smtp = await startSmtpServer(async (mail) => {
      if (!mail.to.some((t) => t.startsWith(tag))) return;
      if (accepted === 2 && !held) {
        held = true;
        release();
        await new Promise(() => undefined);
      }
      accepted++;
    });
    const own = await ownDatabase("ct_crashed_sender");
    try {
      await waitingMessages(own, tag, 6);
      // Instances run the hub's own email job through the job runner, with its own leases.
      const senders = instances("send-jobs.ts", own, { SMTP_TEST_URL: `smtp://127.0.0.1:${smtp.port}` });
      const first = senders.start("first");
      await senders.within(heldOne, 90_000, "the first instance did not reach its third message");
      first.kill("SIGKILL");
      await new Promise((r) => first.once("exit", r));
      const crashedAt = Date.now();

      const ours = () => own.db.select().from(emailOutbox).where(like(emailOutbox.toAddress, `${tag}-%`));
      const afterCrash = await ours();
      expect(afterCrash.filter((r) => r.status === "sent")).toHaveLength(2);

      const second = senders.start("second");
      let allSentAt = 0;
      try {
        const deadline = crashedAt + 120_000;
        while (Date.now() < deadline) {
          if ((await ours()).every((r) => r.status === "sent")) {
            allSentAt = Date.now();
            break;
          }
          await new Promise((r) => setTimeout(r, 200));
        }
      } finally {
        second.kill("SIGKILL");
        await smtp.close().catch(() => undefined);
      }
      // Within about a minute of the crash, the new instance's start-up included.
      expect(allSentAt, `the crashed sender's mail never went out; the instances said:\n${senders.said()}\n${allSentAt ? "" : await stateOf(own, tag)}`).toBeGreaterThan(0);
      expect(allSentAt - crashedAt).toBeLessThan(60_000);
      const delivered = smtp.received.filter((m) => m.to.some((t) => t.startsWith(tag)));
      expect(delivered).toHaveLength(6);
      expect(new Set(delivered.map((m) => m.to[0])).size).toBe(6);
      expect(new Set(delivered.map((m) => m.messageId)).size).toBe(6);
    } finally {
      await smtp.close().catch(() => undefined);
      await own.drop();
    }
  });
});
