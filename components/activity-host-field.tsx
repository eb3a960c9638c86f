"use client";

import { useTranslations } from "next-intl";
import type { SelectHTMLAttributes } from "react";
import { Field, Select } from "./ui/field";

/**
 * The activity form's host: one of the group's organizers, named on the activity page with
 * their photo (or initials) and one-line bio. Kept apart from the rest of the form.
 */
export function ActivityHostField({ hosts, control, error }: { hosts: { id: string; name: string }[]; control: SelectHTMLAttributes<HTMLSelectElement>; error?: string }) {
  const t = useTranslations("client-organize.host");
  if (hosts.length === 0) return null;
  return (
    <Field id="hostId" label={t("label")} hint={t("hint")} error={error}>
      <Select {...control} data-testid="activity-host">
        {hosts.map((h) => (
          <option key={h.id} value={h.id}>
            {h.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
