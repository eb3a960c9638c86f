import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Textarea } from "@/components/ui/field";
import { askAboutActivityAction, askAboutGroupAction } from "./actions";

/**
 * "Ask the organizers": a private question to the group's organizers, about an activity or
 * the group. A visitor is asked to sign in; an organizer of the group sees nothing (they are
 * the ones asked).
 */
export async function AskOrganizers({ about, signedIn, returnTo, firstTimer }: { about: { activityId: string } | { groupId: string }; signedIn: boolean; returnTo: string; firstTimer?: boolean }) {
  const id = "activityId" in about ? `ask-${about.activityId}` : `ask-${about.groupId}`;
  const t = await getTranslations("questions.ask");
  return (
    <Card className="space-y-3" data-testid="ask-organizers" id="ask">
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-sm text-muted">{t("intro")}</p>
      {signedIn ? (
        <ActionForm action={"activityId" in about ? askAboutActivityAction : askAboutGroupAction} testId="ask-form" fieldLabels={{ body: t("label") }} className="space-y-3">
          {"activityId" in about ? <input type="hidden" name="activityId" value={about.activityId} /> : <input type="hidden" name="groupId" value={about.groupId} />}
          <Field id={`${id}-body`} label={t("label")} hint={firstTimer !== false ? t("examples") : undefined}>
            <Textarea id={`${id}-body`} name="body" required maxLength={2000} rows={3} aria-describedby={firstTimer !== false ? `${id}-body-hint` : undefined} data-testid="ask-body" />
          </Field>
          <Button type="submit" data-testid="ask-submit">
            {t("send")}
          </Button>
        </ActionForm>
      ) : (
        <p className="text-sm">
          {t.rich("signIn", { link: (chunks) => <Link className="underline" href={`/signin?callbackUrl=${encodeURIComponent(returnTo)}`}>{chunks}</Link> })}
        </p>
      )}
    </Card>
  );
}
