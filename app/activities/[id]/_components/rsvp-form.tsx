"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/field";
import type { RsvpAnswers, RsvpQuestion } from "@/lib/rsvp-question-shape";
import type { RsvpActionState } from "../actions";
import { RsvpQuestionFields } from "./rsvp-question-fields";

type Status = "going" | "waitlisted" | "maybe" | "not_going";

/**
 * The RSVP buttons. Each is a submit button carrying its answer, posting to a server
 * action, so it works without JavaScript; with it, the answer appears at once.
 */
export function RsvpForm({
  activityId,
  action,
  withdrawAction,
  current,
  goTogether,
  offersToGreet,
  canJoin,
  full,
  questions = [],
  answers = {},
}: {
  activityId: string;
  action: (prev: RsvpActionState, data: FormData) => Promise<RsvpActionState>;
  withdrawAction: (prev: RsvpActionState, data: FormData) => Promise<RsvpActionState>;
  current: Status | null;
  goTogether: boolean;
  offersToGreet: boolean;
  /** False after the cutoff: only giving a place up is possible then. */
  canJoin: boolean;
  full: boolean;
  /** The organizers' questions on RSVP, and the member's answers so far. */
  questions?: RsvpQuestion[];
  answers?: RsvpAnswers;
}) {
  const t = useTranslations("client-visit.rsvp");
  const [state, formAction, pending] = useActionState(action, null);
  const [withdrawState, withdrawFormAction, withdrawing] = useActionState(withdrawAction, null);
  const outcome = withdrawState ?? state;
  const holdsPlace = current === "going" || current === "waitlisted";
  const choice = (value: "going" | "maybe" | "not_going", label: string, pressed: boolean) => (
    <Button
      type="submit"
      name="status"
      value={value}
      variant={pressed ? "primary" : "secondary"}
      aria-pressed={pressed}
      disabled={pending || withdrawing}
      data-testid={`rsvp-${value}`}
    >
      {label}
    </Button>
  );
  return (
    <div className="space-y-3">
      <form action={formAction} className="space-y-3" data-testid="rsvp-form">
        <input type="hidden" name="activityId" value={activityId} />
        {canJoin ? (
          <fieldset className="space-y-1">
            <legend className="sr-only">{t("arriving")}</legend>
            <Checkbox name="goTogether" defaultChecked={goTogether} label={t("goTogether")} data-testid="rsvp-go-together" />
            <Checkbox name="offersToGreet" defaultChecked={offersToGreet} label={t("offersToGreet")} data-testid="rsvp-offers-to-greet" />
          </fieldset>
        ) : null}
        {canJoin || holdsPlace ? <RsvpQuestionFields questions={questions} answers={state && !state.ok && state.values?.answers ? { ...answers, ...state.values.answers } : answers} errors={state && !state.ok ? state.fieldErrors ?? {} : {}} /> : null}
        <div className="flex flex-wrap gap-2" role="group" aria-label={t("answer")}>
          {canJoin || holdsPlace ? choice("going", holdsPlace ? (current === "waitlisted" ? t("stayWaitlist") : t("going")) : full ? t("joinWaitlist") : t("going"), holdsPlace) : null}
          {canJoin || current === "maybe" ? choice("maybe", t("maybe"), current === "maybe") : null}
          {choice("not_going", t("notGoing"), current === "not_going")}
        </div>
      </form>
      {current && current !== "not_going" ? (
        <form action={withdrawFormAction}>
          <input type="hidden" name="activityId" value={activityId} />
          <Button type="submit" variant="ghost" disabled={pending || withdrawing} data-testid="rsvp-withdraw">
            {t("withdraw")}
          </Button>
        </form>
      ) : null}
      <div aria-live="polite">
        {outcome ? (
          <Alert tone={outcome.ok ? "success" : "error"} testId="rsvp-outcome">
            {outcome.ok ? outcome.data.message : outcome.message}
          </Alert>
        ) : null}
      </div>
    </div>
  );
}
