"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { MemberActionState } from "./actions";

const labels = { approve: "Approve", decline: "Decline", promote: "Make organizer", demote: "Make member", remove: "Remove", ban: "Ban", unban: "Lift ban" } as const;
type Change = keyof typeof labels;

/** Lifting a ban removes the banned membership, so the person may join again. */
const submitted = (c: Change) => (c === "unban" ? "remove" : c);

/** The buttons for one member; each submits its change, so no JavaScript is needed. */
export function MemberForm({ action, userId, name, changes }: { action: (p: MemberActionState, d: FormData) => Promise<MemberActionState>; userId: string; name: string; changes: Change[] }) {
  const [state, formAction, pending] = useActionState(action, null);
  if (changes.length === 0) return null;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      {changes.map((c) => (
        <Button key={c} type="submit" name="change" value={submitted(c)} variant={c === "ban" || c === "remove" ? "danger" : c === "approve" ? "primary" : "secondary"} disabled={pending} aria-label={`${labels[c]}: ${name}`} data-testid={`member-${c}`}>
          {labels[c]}
        </Button>
      ))}
      {state ? (
        <span role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm" : "text-sm text-danger"}>
          {state.ok ? state.data.message : state.message}
        </span>
      ) : null}
    </form>
  );
}
