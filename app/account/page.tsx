import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const viewer = await requireViewer("/account");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Your account</h1>
      <Card>
        <dl className="grid gap-2 sm:grid-cols-[10rem_1fr]">
          <dt className="font-medium">Name</dt>
          <dd data-testid="account-name">{viewer.name}</dd>
          <dt className="font-medium">Email</dt>
          <dd data-testid="account-email">{viewer.email}</dd>
        </dl>
      </Card>
    </div>
  );
}
