import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getViewer } from "@/server/auth/session";

export const metadata: Metadata = { title: "Email confirmed", robots: { index: false } };

export default async function EmailConfirmedPage() {
  const viewer = await getViewer();
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">Email confirmed</h1>
      <Card className="space-y-3">
        <Alert tone="success" testId="email-confirmed">Thank you: your email is confirmed. Reminders and news about what you join can reach you now.</Alert>
        <p className="text-sm">
          {viewer ? <Link className="underline" href="/activities">Find something to join</Link> : <Link className="underline" href="/signin">Sign in</Link>}
        </p>
      </Card>
    </div>
  );
}
