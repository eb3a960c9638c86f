"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/field";
import type { MemberActionState } from "./actions";

const CHANGES = ["approve", "decline", "promote", "demote", "remove", "ban", "unban", "handover"] as const;
type Change = (typeof CHANGES)[number];

/** Lifting a ban removes the banned membership, so the person may join again. */
const submitted = (c: Change) => (c === "unban" ? "remove" : c);

type Action = (p: MemberActionState, d: FormData) => Promise<MemberActionState>;

/**
 * What an organizer can do about one member. Approving or declining a request are plain
 * buttons; everything else waits behind a quiet "Options" menu (a <details>, so it needs no
 * JavaScript), and a ban asks for a reason, which only organizers see. Every button submits
 * its own change. The owner can hand the group to an organizer, after ticking to confirm.
 */
export function MemberForm({ action, handOver, userId, name, changes }: { action: Action; handOver?: Action; userId: string; name: string; changes: Change[] }) {
  const t = useTranslations("client-groups.member");
  const [changed, formAction, changing] = useActionState(action, null);
  const [handedOver, handOverAction, handingOver] = useActionState(handOver ?? action, null);
  const state = handedOver ?? changed;
  const pending = changing || handingOver;
  if (changes.length === 0) return null;
  const requests = changes.filter((c) => c === "approve" || c === "decline");
  const roles = changes.filter((c) => c === "promote" || c === "demote" || c === "unban");
  const reasonError = state && !state.ok ? state.fieldErrors?.reason : undefined;
  const hidden = <input type="hidden" name="userId" value={userId} />;
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      {requests.length ? (
        <form action={formAction} className="flex flex-wrap gap-2">
          {hidden}
          {requests.map((c) => (
            <Button key={c} type="submit" name="change" value={c} variant={c === "approve" ? "primary" : "secondary"} disabled={pending} aria-label={t("changeFor", { change: t(`change.${c}`), name })} data-testid={`member-${c}`}>
              {t(`change.${c}`)}
            </Button>
          ))}
        </form>
      ) : null}
      {changes.length > requests.length ? (
        <details className="relative" open={Boolean(reasonError) || Boolean(handedOver && !handedOver.ok)} data-testid="member-menu">
          <summary className={buttonClass("ghost", "cursor-pointer list-none [&::-webkit-details-marker]:hidden")} data-testid="member-options">
            {t.rich("options", { name, sr: (chunks) => <span className="sr-only">{chunks}</span> })} <span aria-hidden="true">▾</span>
          </summary>
          <div className="mt-2 space-y-3 rounded-lg border border-line bg-surface p-3 shadow-sm sm:absolute sm:right-0 sm:z-10 sm:w-80">
            {roles.length ? (
              <form action={formAction} className="flex flex-wrap gap-2">
                {hidden}
                {roles.map((c) => (
                  <Button key={c} type="submit" name="change" value={submitted(c)} variant="secondary" disabled={pending} aria-label={t("changeFor", { change: t(`change.${c}`), name })} data-testid={`member-${c}`}>
                    {t(`change.${c}`)}
                  </Button>
                ))}
              </form>
            ) : null}
            {changes.includes("handover") && handOver ? (
              <form action={handOverAction} className="space-y-2 border-b border-line pb-3" data-testid="handover-form">
                {hidden}
                <p className="text-sm">{t("handOver", { name })}</p>
                <Checkbox name="confirm" label={t("handOverConfirm", { name })} data-testid="handover-confirm" />
                <Button type="submit" variant="secondary" disabled={pending} aria-label={t("handOverButton", { name })} data-testid="member-handover">
                  {t("handOverButton", { name })}
                </Button>
              </form>
            ) : null}
            {changes.includes("remove") ? (
              <form action={formAction}>
                {hidden}
                <p className="mb-1 text-sm text-muted">{t("canRejoin")}</p>
                <Button type="submit" name="change" value="remove" variant="secondary" disabled={pending} aria-label={t("removeName", { name })} data-testid="member-remove">
                  {t("change.remove")}
                </Button>
              </form>
            ) : null}
            {changes.includes("ban") ? (
              <form action={formAction} className="space-y-2 border-t border-line pt-3">
                {hidden}
                <label htmlFor={`ban-reason-${userId}`} className="block text-sm font-medium">
                  {t("whyBan", { name })}
                </label>
                <p id={`ban-reason-${userId}-hint`} className="text-sm text-muted">
                  {t("whyBanHint", { name })}
                </p>
                <textarea
                  id={`ban-reason-${userId}`}
                  name="reason"
                  required
                  maxLength={500}
                  rows={2}
                  className="block w-full rounded-lg border border-line bg-surface px-3 py-2 text-base text-ink aria-[invalid=true]:border-danger"
                  aria-invalid={Boolean(reasonError)}
                  aria-describedby={`ban-reason-${userId}-hint${reasonError ? ` ban-reason-${userId}-error` : ""}`}
                  data-testid="ban-reason"
                />
                {reasonError ? (
                  <p id={`ban-reason-${userId}-error`} className="text-sm font-medium text-danger">
                    {reasonError}
                  </p>
                ) : null}
                <Button type="submit" name="change" value="ban" variant="danger" disabled={pending} aria-label={t("banName", { name })} data-testid="member-ban">
                  {t("banName", { name })}
                </Button>
              </form>
            ) : null}
          </div>
        </details>
      ) : null}
      {state ? (
        <span role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm" : "text-sm text-danger"} data-testid="member-outcome">
          {state.ok ? state.data.message : state.message}
        </span>
      ) : null}
    </div>
  );
}
