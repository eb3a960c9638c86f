import type { Metadata } from "next";
import { GroupForm } from "@/components/group-form";
import { requireViewer } from "@/server/auth/session";
import { createGroupAction } from "./actions";

export const metadata: Metadata = { title: "Start a group" };

const blank = { name: "", about: "", agreements: "", visibility: "public", joinPolicy: "open", neighbourhood: "", guestRsvps: "on" } as const;

export default async function NewGroupPage() {
  await requireViewer("/groups/new");
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">Start a group</h1>
      <p className="text-muted">You&apos;ll be its owner. You can add organizers once people have joined.</p>
      <GroupForm action={createGroupAction} defaultValues={blank} mode="create" />
    </div>
  );
}
