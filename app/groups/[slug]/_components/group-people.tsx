import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";
import { PersonLine } from "@/components/people/person-line";
import { AskOrganizers } from "@/components/questions/ask-organizers";
import { listGroupOrganizers } from "@/db/queries/people";

/** Who runs the group, and a private way to ask them something (their shared inbox, for organizers). */
export async function GroupPeople({ groupId, groupSlug, viewerId, isOrganizer }: { groupId: string; groupSlug: string; viewerId: string | null; isOrganizer: boolean }) {
  const [organizers, t] = await Promise.all([listGroupOrganizers(groupId), getTranslations("groups.people")]);
  return (
    <>
      <section aria-labelledby="organizers-heading" className="space-y-3" data-testid="group-organizers">
        <h2 id="organizers-heading" className="text-lg font-semibold">{t("organizers")}</h2>
        <ul className="space-y-3">
          {organizers.map((p) => (
            <li key={p.id}>
              <PersonLine person={p} note={p.role === "owner" ? t("owner") : t("organizer")} />
            </li>
          ))}
        </ul>
        {isOrganizer ? (
          <p className="text-sm">
            <Link className="underline" href={`/groups/${groupSlug}/questions`} data-testid="group-questions-link">
              {t("questions")}
            </Link>
          </p>
        ) : null}
      </section>
      {isOrganizer ? null : <AskOrganizers about={{ groupId }} signedIn={Boolean(viewerId)} returnTo={`/groups/${groupSlug}#ask`} />}
    </>
  );
}
