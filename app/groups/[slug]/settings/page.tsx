import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { GroupForm } from "@/components/group-form";
import { getMembership } from "@/db/queries/memberships";
import { getGroupRow } from "@/db/queries/organizer";
import { requireViewer } from "@/server/auth/session";
import { authorize } from "@/lib/authz";
import { groupToFormValues, STAYS_PRIVATE } from "@/lib/validation/group";
import { updateGroupAction } from "./actions";

export const metadata: Metadata = { title: "Group settings" };

type Props = { params: Promise<{ slug: string }> };

export default async function GroupSettingsPage({ params }: Props) {
  const { slug } = await params;
  const viewer = await requireViewer(`/groups/${slug}/settings`);
  const group = await getGroupRow({ slug });
  if (!group || group.hiddenAt) notFound();
  const membership = await getMembership(group.id, viewer.id);
  // To anyone outside it, a private group does not exist.
  if (group.visibility === "private" && membership?.status !== "active") notFound();
  const allowed = authorize(viewer, membership, "organizer");
  if (!allowed.ok) forbidden();
  const isOwner = allowed.role === "owner";
  const visibility =
    group.visibility === "private"
      ? { choices: ["private" as const], hint: STAYS_PRIVATE() }
      : isOwner
        ? { choices: ["public" as const, "private" as const], hint: "Making it private gives it a secret invite link and hides its activities and members from everyone else. It can't be made public again." }
        : { choices: ["public" as const], hint: "Only the owner can make the group private." };
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">Settings for {group.name}</h1>
      <p>
        <Link className="underline" href={`/groups/${group.slug}/manage`}>Back to managing the group</Link>
      </p>
      <p className="text-muted">The group&apos;s address, /groups/{group.slug}, stays the same, so links people have kept still work.</p>
      <GroupForm
        action={updateGroupAction.bind(null, group.id, group.slug)}
        defaultValues={groupToFormValues(group)}
        mode="edit"
        visibilityChoices={visibility.choices}
        visibilityHint={visibility.hint}
      />
    </div>
  );
}
