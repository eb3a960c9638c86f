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
export function WalkIns({ activityId, canRecord, walkIns, search, found }: { activityId: string; canRecord: boolean; walkIns: WalkInList; search: string | null; found: WalkInCandidate[] | null }) {
  const total = walkIns.members.length + walkIns.named.length;
  return (
    <section aria-labelledby="walk-ins-heading" className="space-y-3" id="walk-ins">
      <h2 id="walk-ins-heading" className="text-xl font-semibold">Walk-ins ({total})</h2>
      <p className="text-sm text-muted">People who turned up without an RSVP. Members recorded here count as attended.</p>
      {total === 0 ? <p className="text-sm text-muted">No walk-ins recorded.</p> : null}
      <ul className="divide-y divide-line" data-testid="walk-ins">
        {walkIns.members.map((m) => (
          <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="walk-ins-row">
            <span>{m.name} <span className="text-sm text-muted">(member · attended)</span></span>
            <ActionForm action={removeWalkInAction} activityId={activityId} testId={`remove-walk-in-${m.userId}`}>
              <input type="hidden" name="userId" value={m.userId} />
              <Button type="submit" variant="ghost" aria-label={`Remove ${m.name} from the walk-ins`}>Remove</Button>
            </ActionForm>
          </li>
        ))}
        {walkIns.named.map((w) => (
          <li key={w.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="walk-ins-row">
            <span>{w.firstName} <span className="text-sm text-muted">(no account)</span></span>
            <ActionForm action={removeWalkInAction} activityId={activityId} testId={`remove-walk-in-${w.id}`}>
              <input type="hidden" name="walkInId" value={w.id} />
              <Button type="submit" variant="ghost" aria-label={`Remove ${w.firstName} from the walk-ins`}>Remove</Button>
            </ActionForm>
          </li>
        ))}
      </ul>
      {canRecord ? (
        <div className="space-y-4">
          <form method="get" action={`/activities/${activityId}/organize#walk-ins`} role="search" aria-label="Find a member who walked in" className="space-y-1">
            <label htmlFor="walk-in-search" className="block text-sm font-medium">Find a member by name</label>
            <p id="walk-in-search-hint" className="text-sm text-muted">Members of this group, and for a public group, members who chose to be listed.</p>
            <div className="flex flex-wrap gap-2">
              <Input id="walk-in-search" type="search" name={WALK_IN_SEARCH_PARAM} defaultValue={search ?? ""} minLength={2} maxLength={60} className="max-w-xs" aria-describedby="walk-in-search-hint" data-testid="walk-in-search" />
              <Button type="submit" variant="secondary" data-testid="walk-in-search-submit">Search</Button>
            </div>
          </form>
          {found ? (
            found.length === 0 ? (
              <p className="text-sm" data-testid="walk-in-found-none">Nobody matching &ldquo;{search}&rdquo; who isn&apos;t already on the list. You can record them by first name below.</p>
            ) : (
              <ul className="divide-y divide-line" data-testid="walk-in-found" aria-label={`Members matching “${search}”`}>
                {found.map((c) => (
                  <li key={c.userId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span>{c.name}{c.inGroup ? null : <span className="text-sm text-muted"> (not in this group)</span>}</span>
                    <ActionForm action={recordMemberWalkInAction} activityId={activityId} testId={`walk-in-member-${c.userId}`}>
                      <input type="hidden" name="userId" value={c.userId} />
                      {c.walkedIn ? (
                        <span className="text-sm text-muted">Recorded as a walk-in</span>
                      ) : (
                        <Button type="submit" variant="secondary" aria-label={`Record ${c.name} as a walk-in`}>Record walk-in</Button>
                      )}
                    </ActionForm>
                  </li>
                ))}
              </ul>
            )
          ) : search !== null ? (
            <p className="text-sm text-danger" data-testid="walk-in-search-short">Type at least two letters of their name (up to 60).</p>
          ) : null}
          <WalkInNameForm action={recordNamedWalkInAction} activityId={activityId} />
        </div>
      ) : (
        <Alert>Walk-ins can be recorded once the activity has started.</Alert>
      )}
    </section>
  );
}
