"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "./button";

/**
 * Copies a text (a link to paste into another app) and says so. Shown only with JavaScript and
 * a clipboard; without them the text beside it is there to select.
 */
export function CopyButton({ text, label, testId }: { text: string; label?: string; testId?: string }) {
  const t = useTranslations("client-members.ui");
  const [supported, setSupported] = useState(false);
  const [said, setSaid] = useState<string | null>(null);
  useEffect(() => setSupported(typeof navigator !== "undefined" && Boolean(navigator.clipboard)), []);
  if (!supported) return null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setSaid(t("copied"));
    } catch {
      setSaid(t("copyFailed"));
    }
  };
  return (
    <span className="inline-flex items-center gap-2">
      <Button type="button" variant="secondary" onClick={copy} data-testid={testId}>
        {label ?? t("copy")}
      </Button>
      <span role="status" className="text-sm text-muted">
        {said}
      </span>
    </span>
  );
}
