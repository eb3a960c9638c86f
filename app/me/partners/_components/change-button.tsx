import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { changePartnershipAction } from "../actions";

/** One button that accepts, declines, pauses, resumes or ends a partnership, at once. */
export function ChangeButton({ id, change, label, variant = "secondary" }: { id: string; change: "accept" | "decline" | "pause" | "resume" | "end"; label: string; variant?: "primary" | "secondary" | "ghost" }) {
  return (
    <ActionForm action={changePartnershipAction} testId={`partner-${change}`}>
      <input type="hidden" name="partnershipId" value={id} />
      <input type="hidden" name="change" value={change} />
      <Button type="submit" variant={variant} data-testid={`partner-${change}-button`}>
        {label}
      </Button>
    </ActionForm>
  );
}
