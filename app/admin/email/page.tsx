import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { listFailedEmails } from "@/db/queries/email";
import { requireViewer } from "@/server/auth/session";
import { retryEmailAction } from "./actions";

export const metadata: Metadata = { title: "Email that could not be sent" };

/** /admin/email — site admins only: messages that failed after every attempt, with the last error. */
export default async function FailedEmailPage() {
  const viewer = await requireViewer("/admin/email");
  if (!viewer.isAdmin) notFound();
  const failed = await listFailedEmails();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Email that could not be sent</h1>
      <p className="text-muted">Each was tried several times, with growing waits, before it was given up. Send one again once the cause is fixed.</p>
      {failed.length === 0 ? <Card data-testid="no-failed-email">Nothing has failed.</Card> : null}
      <ul className="space-y-3" data-testid="failed-email">
        {failed.map((m) => (
          <li key={m.id}>
            <Card className="space-y-1">
              <h2 className="font-semibold">{m.subject}</h2>
              <p className="text-sm text-muted">To {m.toAddress} · {m.type} · {m.attempts} attempts · written {m.createdAt.toISOString()}</p>
              <p className="text-sm break-words">Last error: {m.lastError ?? "unknown"}</p>
              <form action={retryEmailAction}>
                <input type="hidden" name="id" value={m.id} />
                <Button type="submit" variant="secondary" aria-label={`Send again: ${m.subject} to ${m.toAddress}`}>Send again</Button>
              </form>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
