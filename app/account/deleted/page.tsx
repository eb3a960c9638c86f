import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Your account is deleted" };

/** Where a member lands after deleting their account; it needs no one signed in. */
export default function AccountDeletedPage() {
  return (
    <div className="max-w-xl space-y-3" data-testid="account-deleted">
      <h1 className="text-2xl font-bold">Your account is deleted</h1>
      <p>Your name, email, password and everything you kept here are gone, and you&apos;re signed out everywhere. Thank you for the time you spent with us.</p>
      <p>
        You&apos;re always welcome back: <Link className="underline" href="/activities">browse what&apos;s on</Link> or <Link className="underline" href="/signup">make a new account</Link> whenever it suits you.
      </p>
    </div>
  );
}
