import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/session";
import { createGroupAction } from "./actions";
import { GroupForm } from "./group-form";

export const metadata: Metadata = { title: "Start a group" };

export default async function NewGroupPage() {
  await requireViewer("/groups/new");
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">Start a group</h1>
      <p className="text-muted">You&apos;ll be its owner. You can add organizers once people have joined.</p>
      <GroupForm action={createGroupAction} />
    </div>
  );
}
