"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

/**
 * Uploads a cover (with its description) or the member's photo: the picture is sent as it is
 * to the API, which re-encodes it without any of its metadata. Needs JavaScript; without it the
 * form says so and the rest of the page works as before.
 */
export function PictureUpload({ endpoint, kind, hasPicture, label }: { endpoint: string; kind: "cover" | "photo"; hasPicture: boolean; label: string }) {
  const t = useTranslations("client-organize.pictures");
  const id = useId();
  const router = useRouter();
  const [state, setState] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(form: HTMLFormElement) {
    const file = (form.elements.namedItem("picture") as HTMLInputElement).files?.[0];
    const alt = kind === "cover" ? (form.elements.namedItem("alt") as HTMLInputElement).value : "";
    if (!file) return setState({ tone: "error", text: t("chooseFirst") });
    setBusy(true);
    try {
      const type = ["image/jpeg", "image/png", "image/webp"].includes(file.type) ? file.type : "image/jpeg";
      const response = await fetch(kind === "cover" ? `${endpoint}?alt=${encodeURIComponent(alt)}` : endpoint, { method: "PUT", headers: { "Content-Type": type }, body: file });
      const answer = (await response.json().catch(() => null)) as { error?: { message?: string; fields?: Record<string, string> } } | null;
      if (!response.ok) {
        const detail = answer?.error?.fields ? Object.values(answer.error.fields).join(" ") : "";
        setState({ tone: "error", text: [answer?.error?.message ?? t("failed"), detail].filter(Boolean).join(" ") });
      } else {
        setState({ tone: "success", text: kind === "cover" ? t("coverSaved") : t("photoSaved") });
        form.reset();
        router.refresh();
      }
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    try {
      const response = await fetch(endpoint, { method: "DELETE" });
      setState(response.ok ? { tone: "success", text: t("removed") } : { tone: "error", text: t("failed") });
      if (response.ok) router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="space-y-3"
      data-testid={`${kind}-upload`}
      onSubmit={(e) => {
        e.preventDefault();
        void send(e.currentTarget);
      }}
    >
      <Field id={`${id}-file`} label={label} hint={t("fileHint")}>
        <Input id={`${id}-file`} name="picture" type="file" accept="image/jpeg,image/png,image/webp" aria-describedby={`${id}-file-hint`} data-testid={`${kind}-file`} />
      </Field>
      {kind === "cover" ? (
        <Field id={`${id}-alt`} label={t("alt")} hint={t("altHint")}>
          <Input id={`${id}-alt`} name="alt" maxLength={200} aria-describedby={`${id}-alt-hint`} data-testid="cover-alt" />
        </Field>
      ) : null}
      <noscript>
        <p className="text-sm text-muted">{t("needsJavaScript")}</p>
      </noscript>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={busy} data-testid={`${kind}-submit`}>
          {busy ? t("uploading") : t("upload")}
        </Button>
        {hasPicture ? (
          <Button type="button" variant="secondary" disabled={busy} onClick={() => void remove()} data-testid={`${kind}-remove`}>
            {t("remove")}
          </Button>
        ) : null}
      </div>
      <div aria-live="polite" className="empty:hidden">
        {state ? (
          <Alert tone={state.tone} testId={`${kind}-outcome`}>
            {state.text}
          </Alert>
        ) : null}
      </div>
    </form>
  );
}
