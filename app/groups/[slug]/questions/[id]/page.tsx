import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { QuestionThreadView } from "@/components/questions/thread";
import { getQuestionThread } from "@/db/queries/questions";
import { loadInbox } from "../loader";

export const metadata: Metadata = { title: "A question to the organizers" };

type Props = { params: Promise<{ slug: string; id: string }> };

/** One thread in the group's inbox, for its organizers. */
export default async function GroupQuestionPage({ params }: Props) {
  const { slug, id } = await params;
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success) notFound();
  const { viewer, group, zone } = await loadInbox(slug, `/groups/${slug}/questions/${id}`);
  const thread = await getQuestionThread(parsed.data, viewer.id);
  if (!thread || thread.viewerIs !== "organizer" || thread.groupSlug !== group.slug) notFound();
  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">
          {thread.askerName} asked about {thread.subject}
        </h1>
        <p className="text-muted">
          Only the organizers of {group.name} and {thread.askerName} can read this. Your reply goes to them, under their questions.{" "}
          <Link className="underline" href={`/groups/${group.slug}/questions`}>All questions</Link>
        </p>
      </header>
      <QuestionThreadView thread={thread} viewerId={viewer.id} zone={zone} />
    </div>
  );
}
