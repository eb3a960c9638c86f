import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { changePartnershipAction } from "../actions";

/**
 * One button that accepts, declines, pauses, resumes or ends a partnership, at once. Buttons
 * that take each other's place (pause, then resume) share a `formId`, so the answer to one
 * still shows once the page has swapped it for the other.
 */
export function ChangeButton({ id, change, label, variant = "secondary", formId }: { id: string; change: "accept" | "decline" | "pause" | "resume" | "end"; label: string; variant?: "primary" | "secondary" | "ghost"; formId?: string }) {
  return (
    <ActionForm action={changePartnershipAction} testId={formId ?? `partner-${change}`}>
      <input type="hidden" name="partnershipId" value={id} />
      <input type="hidden" name="change" value={change} />
      <Button type="submit" variant={variant} data-testid={`partner-${change}-button`}>
        {label}
      </Button>
    </ActionForm>
  );
}
