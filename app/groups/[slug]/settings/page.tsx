import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";
import { forbidden, notFound } from "next/navigation";
import { GroupForm } from "@/components/group-form";
import { getMembership } from "@/db/queries/memberships";
import { getGroupRow } from "@/db/queries/organizer";
import { requireViewer } from "@/server/auth/session";
import { authorize } from "@/lib/authz";
import { groupToFormValues } from "@/lib/validation/group";
import { updateGroupAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("groups.settings");
  return { title: t("title") };
}

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
  const t = await getTranslations("groups.settings");
  const visibility =
    group.visibility === "private"
      ? { choices: ["private" as const], hint: t("staysPrivate") }
      : isOwner
        ? { choices: ["public" as const, "private" as const], hint: t("makePrivateHint") }
        : { choices: ["public" as const], hint: t("onlyOwnerHint") };
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("heading", { name: group.name })}</h1>
      <p>
        <Link className="underline" href={`/groups/${group.slug}/manage`}>{t("back")}</Link>
      </p>
      <p className="text-muted">{t("address", { slug: group.slug })}</p>
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
