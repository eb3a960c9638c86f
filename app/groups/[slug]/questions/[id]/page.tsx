import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";
import { notFound } from "next/navigation";
import { z } from "zod";
import { QuestionThreadView } from "@/components/questions/thread";
import { getQuestionThread } from "@/db/queries/questions";
import { loadInbox } from "../loader";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("questions.inbox");
  return { title: t("threadTitle") };
}

type Props = { params: Promise<{ slug: string; id: string }> };

/** One thread in the group's inbox, for its organizers. */
export default async function GroupQuestionPage({ params }: Props) {
  const { slug, id } = await params;
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success) notFound();
  const { viewer, group, zone } = await loadInbox(slug, `/groups/${slug}/questions/${id}`);
  const thread = await getQuestionThread(parsed.data, viewer.id);
  if (!thread || thread.viewerIs !== "organizer" || thread.groupSlug !== group.slug) notFound();
  const t = await getTranslations("questions.inbox");
  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">
          {t("asked", { name: thread.askerName, subject: thread.subject })}
        </h1>
        <p className="text-muted">
          {t("threadIntro", { group: group.name, name: thread.askerName })} <Link className="underline" href={`/groups/${group.slug}/questions`}>{t("all")}</Link>
        </p>
      </header>
      <QuestionThreadView thread={thread} viewerId={viewer.id} zone={zone} />
    </div>
  );
}
