import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { listGroupQuestions } from "@/db/queries/questions";
import { formatDay, formatTime } from "@/lib/dates";
import type { UiLocale } from "@/lib/i18n/locales";
import { loadInbox } from "./loader";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("questions.inbox");
  return { title: t("title") };
}

type Props = { params: Promise<{ slug: string }> };

/** /groups/<slug>/questions — the inbox the group's organizers share. */
export default async function GroupQuestionsPage({ params }: Props) {
  const { slug } = await params;
  const { viewer, group, zone } = await loadInbox(slug, `/groups/${slug}/questions`);
  const [threads, t, locale] = await Promise.all([listGroupQuestions(group.id, viewer.id), getTranslations("questions.inbox"), getLocale() as Promise<UiLocale>]);
  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t("heading", { name: group.name })}</h1>
        <p className="text-muted">
          {t("intro")} <Link className="underline" href={`/groups/${group.slug}/manage`}>{t("back")}</Link>
        </p>
      </header>
      {threads.length === 0 ? <p className="text-muted">{t("none")}</p> : null}
      <ul className="space-y-2" data-testid="group-questions">
        {threads.map((q) => (
          <li key={q.id} className="rounded-xl border border-line bg-surface p-3">
            <Link className="font-medium underline" href={`/groups/${group.slug}/questions/${q.id}`}>
              {t("about", { name: q.askerName, subject: q.subject })}
            </Link>
            <p className="text-sm text-muted">
              {t("line", { count: q.messages, replied: q.lastFromOrganizers ? "yes" : "no", when: `${formatDay(q.lastMessageAt, zone, locale)}, ${formatTime(q.lastMessageAt, zone, locale)}` })}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
