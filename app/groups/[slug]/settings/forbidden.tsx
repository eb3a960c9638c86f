"use client";
import Link from "next/link";
import { useParams } from "next/navigation";
import { Alert } from "@/components/ui/alert";

/** Answered with status 403 to members of the group who do not organize it. */
export default function SettingsForbidden() {
  const { slug } = useParams<{ slug: string }>();
  return (
    <div className="max-w-xl space-y-3">
      <h1 className="text-2xl font-bold">Group settings</h1>
      <Alert tone="error" title="Only this group's organizers can change its settings" testId="settings-refused">
        <Link className="underline" href={`/groups/${slug}`}>Back to the group</Link>
      </Alert>
    </div>
  );
}
