import "server-only";
import { configuredTransport, type MailTransport } from "@/lib/email/transport";
import { devMailboxEnabled, smtpSettings } from "@/lib/env";
import { sendDueEmails } from "./email-sender";
import { sendDuePushes } from "./push-sender";
import { sendDueReminders } from "./reminders";
import { registerJob, type JobDefinition } from "./runner";

/*
 * The hub's recurring jobs. To add one, call registerJob() here (or in a module imported
 * here) with a unique name, how often it runs and what it does; the runner (runner.ts) makes
 * sure one instance runs it at a time. Jobs must be safe to run twice (see runner.ts).
 */

/** Sending the outbox every three seconds, on the runner's short, renewed lease. */
export function emailSendJob(transport: MailTransport): JobDefinition {
  return { name: "email.send", everyMs: 3_000, run: async ({ signal }) => void (await sendDueEmails(transport, { signal })) };
}

let registered = false;

export function registerBuiltInJobs(): void {
  if (registered) return;
  registered = true;

  // Without SMTP in production the outbox is kept, unsent, until SMTP is configured (unless the
  // dev mailbox is explicitly on, as in the browser tests): nothing is lost and nothing pretends to be delivered.
  if (smtpSettings() || devMailboxEnabled()) {
    registerJob(emailSendJob(configuredTransport()));
  } else {
    console.warn("[email] SMTP_URL and MAIL_FROM are not set: email is kept in the outbox and not sent.");
  }

  // Push notifications, from their outbox (push_deliveries), as often as email.
  registerJob({ name: "push.send", everyMs: 3_000, run: async ({ signal }) => void (await sendDuePushes({ signal })) });

  registerJob({ name: "reminders.day-before", everyMs: 60_000, run: async () => void (await sendDueReminders()) });

  // Check-in partners who let a period pass with no check-in get one gentle nudge each (the
  // partner_nudges key makes it once per pair and period, whichever instance runs it).
  registerJob({
    name: "checkins.nudge",
    everyMs: 15 * 60_000,
    run: async () => {
      const { sendMissedCheckInNudges } = await import("../mutations/partners");
      await sendMissedCheckInNudges(new Date());
    },
  });

  // Guest RSVPs nobody confirmed within their hold are released (the waitlist moves on), and
  // guests' names and emails are forgotten once their activity has ended.
  registerJob({
    name: "guests.release-holds",
    everyMs: 60_000,
    run: async () => {
      const { forgetGuestsOfEndedActivities, releaseExpiredGuestHolds } = await import("../mutations/guest-rsvps");
      const { getDb } = await import("../client");
      const db = await getDb();
      await releaseExpiredGuestHolds(db);
      await forgetGuestsOfEndedActivities(db);
    },
  });

    // Housekeeping: recurring series keep about twelve weeks of occurrences ahead.
  registerJob({
    name: "series.extend",
    everyMs: 6 * 3600_000,
    run: async () => {
      const { extendAllSeries } = await import("../mutations/series");
      await extendAllSeries();
    },
  });
}
