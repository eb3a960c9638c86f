import Link from "next/link";
import { PasswordForm } from "@/components/password-form";
import { Alert } from "@/components/ui/alert";
import type { DeletionPreview } from "@/db/queries/account-deletion";
import { deleteAccountAction } from "./actions";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * "Delete my account": what goes and what stays, in plain words with the member's own counts,
 * then the password to confirm. While they own a group it says to hand it over first.
 */
export function DeleteAccount({ preview }: { preview: DeletionPreview }) {
  const owns = preview.ownedGroups;
  return (
    <div className="space-y-3" data-testid="delete-account">
      <p className="text-sm">Deleting your account can&apos;t be undone. If you&apos;d like a copy of your data, download it above first.</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <h3 className="font-semibold">What goes</h3>
          <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="deletion-goes">
            <li>Your name, email, password and profile, and your privacy and email choices.</li>
            <li>{plural(preview.upcomingRsvps, "RSVP", "RSVPs")} to upcoming activities: each place is freed, and goes to the first person waiting if anyone is.</li>
            <li>{plural(preview.comments, "comment", "comments")}: removed from their discussions.</li>
            <li>{plural(preview.partnerships, "check-in partnership", "check-in partnerships")} with {plural(preview.checkIns, "check-in", "check-ins")} of yours: your partners are told one ended, not why.</li>
            <li>{plural(preview.reflections, "reflection", "reflections")}, your connection plan and milestones.</li>
            <li>Your place in {plural(preview.groups, "group", "groups")}, and {plural(preview.openTaskPlaces, "open task place", "open task places")}, which are freed.</li>
            <li>Notifications, calendar links, API tokens, blocks you made. You&apos;re signed out everywhere at once.</li>
          </ul>
        </div>
        <div>
          <h3 className="font-semibold">What stays, with no name</h3>
          <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="deletion-stays">
            <li>{plural(preview.attended, "activity", "activities")} you came to stay in organizers&apos; attendance totals, as numbers.</li>
            <li>{plural(preview.verifiedHours, "verified volunteer hour", "verified volunteer hours")} stay in their projects&apos; totals.</li>
            <li>{plural(preview.activitiesPosted, "activity", "activities")} you posted stay with their groups, without your name.</li>
          </ul>
        </div>
      </div>
      {owns.length ? (
        <Alert tone="info" title="Hand your groups over first" testId="deletion-owns-groups">
          <p>A group needs an owner. You own:</p>
          <ul className="mt-1 list-disc pl-5">
            {owns.map((g) => (
              <li key={g.id}>
                <Link className="underline" href={`/groups/${g.slug}/manage#members`}>{g.name}</Link>: make one of its organizers the owner from its member list.
              </li>
            ))}
          </ul>
          <p className="mt-1">Then you can delete your account here.</p>
        </Alert>
      ) : (
        <PasswordForm
          action={deleteAccountAction}
          testId="delete-account-form"
          submit="Delete my account for good"
          fields={[{ name: "password", label: "Your password, to confirm", type: "password", autoComplete: "current-password" }]}
        />
      )}
    </div>
  );
}
