"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { PushState } from "./actions";

type Action = (prev: PushState, form: FormData) => Promise<PushState>;

export interface DeviceChoicesWords {
  kindsLegend: string;
  detailsLegend: string;
  detailsOff: string;
  detailsOn: string;
  save: string;
  saveFor: string;
  remove: string;
  removeFor: string;
  kinds: { kind: string; label: string }[];
}

/** One device's kinds and lock-screen choice, and turning it off; every word comes from the page. */
export function DeviceChoices({ deviceId, kinds, showDetails, words, save, remove }: { deviceId: string; kinds: string[]; showDetails: boolean; words: DeviceChoicesWords; save: Action; remove: Action }) {
  const [saved, saveAction, saving] = useActionState(save, null);
  const [removed, removeAction, removing] = useActionState(remove, null);
  const id = (name: string) => `push-${deviceId}-${name}`;
  return (
    <div className="space-y-3">
      <form action={saveAction} className="space-y-3" data-testid="push-choices">
        <input type="hidden" name="deviceId" value={deviceId} />
        <fieldset className="space-y-2">
          <legend className="text-sm text-muted">{words.kindsLegend}</legend>
          {words.kinds.map((k) => (
            <label key={k.kind} className="flex items-start gap-2" htmlFor={id(k.kind)}>
              <input id={id(k.kind)} type="checkbox" name="kind" value={k.kind} defaultChecked={kinds.includes(k.kind)} className="mt-1 h-4 w-4" data-testid={`push-kind-${k.kind}`} />
              <span>{k.label}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="text-sm text-muted">{words.detailsLegend}</legend>
          <label className="flex items-start gap-2" htmlFor={id("private")}>
            <input id={id("private")} type="radio" name="showDetails" value="off" defaultChecked={!showDetails} className="mt-1 h-4 w-4" data-testid="push-details-off" />
            <span>{words.detailsOff}</span>
          </label>
          <label className="flex items-start gap-2" htmlFor={id("details")}>
            <input id={id("details")} type="radio" name="showDetails" value="on" defaultChecked={showDetails} className="mt-1 h-4 w-4" data-testid="push-details-on" />
            <span>{words.detailsOn}</span>
          </label>
        </fieldset>
        <Button type="submit" disabled={saving} aria-label={words.saveFor} data-testid="push-save">
          {words.save}
        </Button>
        {saved ? <Alert tone={saved.ok ? "success" : "error"} testId="push-choices-result">{saved.ok ? saved.data.message : saved.message}</Alert> : null}
      </form>
      <form action={removeAction}>
        <input type="hidden" name="deviceId" value={deviceId} />
        <Button type="submit" variant="ghost" disabled={removing} aria-label={words.removeFor} data-testid="push-remove">
          {words.remove}
        </Button>
        {removed && !removed.ok ? <Alert tone="error" testId="push-remove-result">{removed.message}</Alert> : null}
      </form>
    </div>
  );
}
