import type { Metadata } from "next";
import Link from "next/link";
import { listGroupQuestions } from "@/db/queries/questions";
import { loadInbox } from "./loader";

export const metadata: Metadata = { title: "Questions to the organizers" };

type Props = { params: Promise<{ slug: string }> };

/** /groups/<slug>/questions — the inbox the group's organizers share. */
export default async function GroupQuestionsPage({ params }: Props) {
  const { slug } = await params;
  const { viewer, group, zone } = await loadInbox(slug, `/groups/${slug}/questions`);
  const threads = await listGroupQuestions(group.id, viewer.id);
  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">Questions to the organizers of {group.name}</h1>
        <p className="text-muted">
          Members&apos; private questions, shared by every organizer of the group. Only the organizers and the member who asked can read each one.{" "}
          <Link className="underline" href={`/groups/${group.slug}/manage`}>Back to managing the group</Link>
        </p>
      </header>
      {threads.length === 0 ? <p className="text-muted">No questions yet.</p> : null}
      <ul className="space-y-2" data-testid="group-questions">
        {threads.map((t) => (
          <li key={t.id} className="rounded-xl border border-line bg-surface p-3">
            <Link className="font-medium underline" href={`/groups/${group.slug}/questions/${t.id}`}>
              {t.askerName} about {t.subject}
            </Link>
            <p className="text-sm text-muted">
              {t.messages} {t.messages === 1 ? "message" : "messages"} · {t.lastFromOrganizers ? "replied" : "waiting for a reply"} ·{" "}
              {new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: zone }).format(t.lastMessageAt)}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
