import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { listMyQuestions } from "@/db/queries/questions";
import { formatDay } from "@/lib/dates";
import type { UiLocale } from "@/lib/i18n/locales";
import { loadMe } from "../loader";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("me.questions"))("title") };
}

/** The questions a member has asked groups' organizers, each a private thread. */
export default async function MyQuestionsPage() {
  const { viewer, zone } = await loadMe("/me/questions");
  const threads = await listMyQuestions(viewer.id);
  const locale = (await getLocale()) as UiLocale;
  const t = await getTranslations("me.questions");
  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
      </header>
      {threads.length === 0 ? <p className="text-muted">{t("none")}</p> : null}
      <ul className="space-y-2" data-testid="my-questions">
        {threads.map((thread) => (
          <li key={thread.id} className="rounded-xl border border-line bg-surface p-3">
            <Link className="font-medium underline" href={`/me/questions/${thread.id}`}>
              {thread.subject}
            </Link>
            <p className="text-sm text-muted">
              {t("thread", { group: thread.groupName, count: thread.messages, replied: thread.lastFromOrganizers ? "yes" : "no", day: formatDay(thread.lastMessageAt, zone, locale) })}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
