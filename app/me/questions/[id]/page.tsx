import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "@/lib/i18n/translations";
import { z } from "zod";
import { QuestionThreadView } from "@/components/questions/thread";
import { getQuestionThread } from "@/db/queries/questions";
import { loadMe } from "../../loader";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("me.question"))("title") };
}

type Props = { params: Promise<{ id: string }> };

/** One of the member's own questions to a group's organizers. */
export default async function MyQuestionPage({ params }: Props) {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const { viewer, zone } = await loadMe(`/me/questions/${id.data}`);
  const thread = await getQuestionThread(id.data, viewer.id);
  if (!thread || thread.viewerIs !== "asker") notFound();
  const t = await getTranslations("me.question");
  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{thread.subject}</h1>
        <p className="text-muted">
          {t.rich("intro", {
            group: thread.groupName,
            link: (chunks) => (
              <Link className="underline" href={`/groups/${thread.groupSlug}`}>
                {chunks}
              </Link>
            ),
          })}
        </p>
      </header>
      <QuestionThreadView thread={thread} viewerId={viewer.id} zone={zone} />
      <p>
        <Link className="underline" href="/me/questions">
          {t("all")}
        </Link>
      </p>
    </div>
  );
}
