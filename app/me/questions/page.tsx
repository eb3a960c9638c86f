import type { Metadata } from "next";
import Link from "next/link";
import { listMyQuestions } from "@/db/queries/questions";
import { loadMe } from "../loader";

export const metadata: Metadata = { title: "My questions" };

/** The questions a member has asked groups' organizers, each a private thread. */
export default async function MyQuestionsPage() {
  const { viewer, zone } = await loadMe("/me/questions");
  const threads = await listMyQuestions(viewer.id);
  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <h1 className="text-3xl font-bold">My questions</h1>
        <p className="text-muted">Questions you asked a group&apos;s organizers, and their replies. Only you and that group&apos;s organizers can read them.</p>
      </header>
      {threads.length === 0 ? <p className="text-muted">You haven&apos;t asked anything yet. Every activity and group page has an &ldquo;Ask the organizers&rdquo; box.</p> : null}
      <ul className="space-y-2" data-testid="my-questions">
        {threads.map((t) => (
          <li key={t.id} className="rounded-xl border border-line bg-surface p-3">
            <Link className="font-medium underline" href={`/me/questions/${t.id}`}>
              {t.subject}
            </Link>
            <p className="text-sm text-muted">
              {t.groupName} · {t.messages} {t.messages === 1 ? "message" : "messages"} · {t.lastFromOrganizers ? "the organizers replied" : "waiting for a reply"} ·{" "}
              {new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: zone }).format(t.lastMessageAt)}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
