import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/translations";
import { GroupForm } from "@/components/group-form";
import { requireViewer } from "@/server/auth/session";
import { createGroupAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("groups.new");
  return { title: t("title") };
}

const blank = { name: "", about: "", agreements: "", visibility: "public", joinPolicy: "open", neighbourhood: "", guestRsvps: "on" } as const;

export default async function NewGroupPage() {
  await requireViewer("/groups/new");
  const t = await getTranslations("groups.new");
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-muted">{t("intro")}</p>
      <GroupForm action={createGroupAction} defaultValues={blank} mode="create" />
    </div>
  );
}
