import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Textarea } from "@/components/ui/field";
import { QUESTION_EXAMPLES } from "@/lib/validation/questions";
import { askAboutActivityAction, askAboutGroupAction } from "./actions";

/**
 * "Ask the organizers": a private question to the group's organizers, about an activity or
 * the group. A visitor is asked to sign in; an organizer of the group sees nothing (they are
 * the ones asked).
 */
export function AskOrganizers({ about, signedIn, returnTo, firstTimer }: { about: { activityId: string } | { groupId: string }; signedIn: boolean; returnTo: string; firstTimer?: boolean }) {
  const id = "activityId" in about ? `ask-${about.activityId}` : `ask-${about.groupId}`;
  return (
    <Card className="space-y-3" data-testid="ask-organizers" id="ask">
      <h2 className="text-lg font-semibold">Ask the organizers</h2>
      <p className="text-sm text-muted">A private question: only this group&apos;s organizers read it, and their reply comes to you under My questions.</p>
      {signedIn ? (
        <ActionForm action={"activityId" in about ? askAboutActivityAction : askAboutGroupAction} testId="ask-form" fieldLabels={{ body: "Your question" }} className="space-y-3">
          {"activityId" in about ? <input type="hidden" name="activityId" value={about.activityId} /> : <input type="hidden" name="groupId" value={about.groupId} />}
          <Field id={`${id}-body`} label="Your question" hint={firstTimer !== false ? `For example: “${QUESTION_EXAMPLES[0]}” or “${QUESTION_EXAMPLES[1]}”` : undefined}>
            <Textarea id={`${id}-body`} name="body" required maxLength={2000} rows={3} aria-describedby={firstTimer !== false ? `${id}-body-hint` : undefined} data-testid="ask-body" />
          </Field>
          <Button type="submit" data-testid="ask-submit">
            Send privately
          </Button>
        </ActionForm>
      ) : (
        <p className="text-sm">
          <Link className="underline" href={`/signin?callbackUrl=${encodeURIComponent(returnTo)}`}>
            Sign in
          </Link>{" "}
          to ask a question before you come, such as “{QUESTION_EXAMPLES[0]}”
        </p>
      )}
    </Card>
  );
}
