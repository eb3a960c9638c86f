import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { listMailbox } from "@/db/queries/email";
import { devMailboxEnabled } from "@/lib/env";
import { remindActivityNowAction } from "./actions";

export const metadata: Metadata = { title: "Development mailbox", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ to?: string }> };

/**
 * /dev/mailbox — every email the hub has written, newest first, for trying the hub without a
 * mail server. It shows everyone's mail, so it does not exist in production unless
 * DEV_MAILBOX=on says so (the browser tests do).
 */
/** Why this server shows the mailbox, truthfully: it shows everyone's email. */
function servedBecause(): string {
  return process.env.NODE_ENV === "production"
    ? "This server shows this page because DEV_MAILBOX=on is set. It shows everyone's email: never turn that on for a real site."
    : "This page is served outside production (DEV_MAILBOX=off turns it off), and in production only when DEV_MAILBOX=on is set.";
}

export default async function MailboxPage({ searchParams }: Props) {
  if (!devMailboxEnabled()) notFound();
  const to = (await searchParams).to?.slice(0, 320);
  const messages = await listMailbox({ to, limit: 50 });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Development mailbox</h1>
      <p className="text-muted">
        Email written by the hub{to ? ` to ${to}` : ""}, newest first. With SMTP_URL and MAIL_FROM set it is sent for real. {servedBecause()}
      </p>
      <form className="flex flex-wrap items-end gap-2" method="get">
        <label className="flex flex-col text-sm" htmlFor="mailbox-to">
          Only to this address
          <input id="mailbox-to" name="to" type="email" defaultValue={to} className="rounded-md border border-line bg-surface px-3 py-2" />
        </label>
        <button type="submit" className="rounded-md border border-line px-3 py-2">Show</button>
      </form>
      <form className="flex flex-wrap items-end gap-2" action={remindActivityNowAction} data-testid="remind-now">
        <label className="flex flex-col text-sm" htmlFor="remind-activity">
          Send an activity&apos;s day-before reminder now (its id)
          <input id="remind-activity" name="activityId" defaultValue="" className="rounded-md border border-line bg-surface px-3 py-2" />
        </label>
        <button type="submit" className="rounded-md border border-line px-3 py-2">Send the reminder</button>
      </form>
      {messages.length === 0 ? <Card>No email yet.</Card> : null}
      <ul className="space-y-3" data-testid="mailbox">
        {messages.map((m) => (
          <li key={m.id} data-testid="mail" data-type={m.type} data-to={m.toAddress}>
            <Card className="space-y-2">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={m.status === "failed" ? "danger" : m.status === "sent" ? "brand" : "neutral"}>{m.status}</Badge>
                <h2 className="font-semibold" data-testid="mail-subject">{m.subject}</h2>
              </div>
              <p className="text-sm text-muted">To {m.toAddress} · {m.createdAt.toISOString()}</p>
              <details>
                <summary className="cursor-pointer">Plain text</summary>
                <pre className="whitespace-pre-wrap break-words text-sm" data-testid="mail-text">{m.bodyText}</pre>
              </details>
              <details>
                <summary className="cursor-pointer">HTML</summary>
                {/* The HTML is our own template with escaped values; sandboxed so nothing in it runs. */}
                <iframe title={`HTML of ${m.subject}`} sandbox="" srcDoc={m.bodyHtml} className="h-64 w-full rounded border border-line bg-white" />
              </details>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
