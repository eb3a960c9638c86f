import Link from "next/link";
import { Alert } from "@/components/ui/alert";

/** Answered with status 403: a signed-in member opened a page that is for a group's organizers (or admins). */
export default function Forbidden() {
  return (
    <div className="max-w-xl space-y-3">
      <h1 className="text-2xl font-bold">This page is for organizers</h1>
      <Alert tone="error" title="Only this group's organizers can use this page" testId="forbidden">
        If you&apos;d like to help run something, ask one of the group&apos;s organizers. <Link className="underline" href="/activities">Browse activities</Link>
      </Alert>
    </div>
  );
}
