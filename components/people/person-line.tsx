import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";
import { Avatar } from "@/components/pictures/avatar";
import type { Person } from "@/db/queries/people";

/** A host or organizer: photo or initials, name, and their one-line bio. */
export async function PersonLine({ person, note, testId }: { person: Person; note?: string; testId?: string }) {
  const t = await getTranslations("groups.people");
  return (
    <div className="flex items-start gap-3" data-testid={testId}>
      <Avatar name={person.name} photo={person.photo} />
      <div className="min-w-0">
        <p className="font-medium">
          <Link className="underline" href={`/members/${person.id}`}>
            {person.name}
          </Link>
          {note ? <span className="text-sm font-normal text-muted"> {t("note", { note })}</span> : null}
        </p>
        {person.bio ? <p className="text-sm text-muted">{person.bio}</p> : null}
      </div>
    </div>
  );
}
