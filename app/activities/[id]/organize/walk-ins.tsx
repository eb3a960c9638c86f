import { getTranslations } from "@/lib/i18n/translations";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import type { WalkInCandidate, WalkInList } from "@/db/queries/walk-ins";
import { ActionForm } from "./action-form";
import { WalkInNameForm } from "./list-forms";
import { recordMemberWalkInAction, recordNamedWalkInAction, removeWalkInAction } from "./walk-in-actions";

export const WALK_IN_SEARCH_PARAM = "walkIn";

/**
 * Walk-ins on the organizer view: who turned up without an RSVP, a search for members by name
 * (a GET form, so it works without JavaScript) and a first name for someone without an account.
 */
export async function WalkIns({ activityId, canRecord, walkIns, search, found }: { activityId: string; canRecord: boolean; walkIns: WalkInList; search: string | null; found: WalkInCandidate[] | null }) {
  const total = walkIns.members.length + walkIns.named.length;
  const t = await getTranslations("organize.walkIns");
  return (
    <section aria-labelledby="walk-ins-heading" className="space-y-3" id="walk-ins">
      <h2 id="walk-ins-heading" className="text-xl font-semibold">{t("heading", { count: total })}</h2>
      <p className="text-sm text-muted">{t("intro")}</p>
      {total === 0 ? <p className="text-sm text-muted">{t("none")}</p> : null}
      <ul className="divide-y divide-line" data-testid="walk-ins">
        {walkIns.members.map((m) => (
          <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="walk-ins-row">
            <span>{m.name} <span className="text-sm text-muted">{t("member")}</span></span>
            <ActionForm action={removeWalkInAction} activityId={activityId} testId={`remove-walk-in-${m.userId}`}>
              <input type="hidden" name="userId" value={m.userId} />
              <Button type="submit" variant="ghost" aria-label={t("removeOf", { name: m.name })}>{t("remove")}</Button>
            </ActionForm>
          </li>
        ))}
        {walkIns.named.map((w) => (
          <li key={w.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="walk-ins-row">
            <span>{w.firstName} <span className="text-sm text-muted">{t("noAccount")}</span></span>
            <ActionForm action={removeWalkInAction} activityId={activityId} testId={`remove-walk-in-${w.id}`}>
              <input type="hidden" name="walkInId" value={w.id} />
              <Button type="submit" variant="ghost" aria-label={t("removeOf", { name: w.firstName })}>{t("remove")}</Button>
            </ActionForm>
          </li>
        ))}
      </ul>
      {canRecord ? (
        <div className="space-y-4">
          <form method="get" action={`/activities/${activityId}/organize#walk-ins`} role="search" aria-label={t("searchLabel")} className="space-y-1">
            <label htmlFor="walk-in-search" className="block text-sm font-medium">{t("findByName")}</label>
            <p id="walk-in-search-hint" className="text-sm text-muted">{t("findHint")}</p>
            <div className="flex flex-wrap gap-2">
              <Input id="walk-in-search" type="search" name={WALK_IN_SEARCH_PARAM} defaultValue={search ?? ""} minLength={2} maxLength={60} className="max-w-xs" aria-describedby="walk-in-search-hint" data-testid="walk-in-search" />
              <Button type="submit" variant="secondary" data-testid="walk-in-search-submit">{t("search")}</Button>
            </div>
          </form>
          {found ? (
            found.length === 0 ? (
              <p className="text-sm" data-testid="walk-in-found-none">{t("foundNone", { search: search ?? "" })}</p>
            ) : (
              <ul className="divide-y divide-line" data-testid="walk-in-found" aria-label={t("foundLabel", { search: search ?? "" })}>
                {found.map((c) => (
                  <li key={c.userId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span>{c.name}{c.inGroup ? null : <span className="text-sm text-muted"> {t("notInGroup")}</span>}</span>
                    <ActionForm action={recordMemberWalkInAction} activityId={activityId} testId={`walk-in-member-${c.userId}`}>
                      <input type="hidden" name="userId" value={c.userId} />
                      {c.walkedIn ? (
                        <span className="text-sm text-muted">{t("recorded")}</span>
                      ) : (
                        <Button type="submit" variant="secondary" aria-label={t("recordOf", { name: c.name })}>{t("record")}</Button>
                      )}
                    </ActionForm>
                  </li>
                ))}
              </ul>
            )
          ) : search !== null ? (
            <p className="text-sm text-danger" data-testid="walk-in-search-short">{t("tooShort")}</p>
          ) : null}
          <WalkInNameForm action={recordNamedWalkInAction} activityId={activityId} />
        </div>
      ) : (
        <Alert>{t("later")}</Alert>
      )}
    </section>
  );
}
