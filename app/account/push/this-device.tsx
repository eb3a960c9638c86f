"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { PushState } from "./actions";

type Action = (prev: PushState, form: FormData) => Promise<PushState>;
type Status = "checking" | "unsupported" | "off" | "on" | "busy";

/** The VAPID public key as the bytes pushManager.subscribe wants. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (base64url.length % 4)) % 4);
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

const supported = () => typeof window !== "undefined" && "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;

/** The service worker's registration: the site's own (public/sw.js), registered here if the page has none yet. */
async function registration(): Promise<ServiceWorkerRegistration> {
  if (!(await navigator.serviceWorker.getRegistration("/"))) await navigator.serviceWorker.register("/sw.js", { scope: "/" });
  return navigator.serviceWorker.ready;
}

/**
 * "Turn on for this device" and "Turn off for this device": asks the browser for permission and a
 * push subscription signed for this hub's key, and hands it to the hub; or ends it on both sides.
 */
export function ThisDevice({ publicKey, devices, subscribe, unsubscribe }: { publicKey: string; devices: { id: string; endpoint: string }[]; subscribe: Action; unsubscribe: Action }) {
  const t = useTranslations("client-push.device");
  const router = useRouter();
  const [status, setStatus] = useState<Status>("checking");
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [current, setCurrent] = useState<PushSubscription | null>(null);
  const mine = current ? devices.find((d) => d.endpoint === current.endpoint) : undefined;

  useEffect(() => {
    if (!supported()) {
      setStatus("unsupported");
      return;
    }
    let live = true;
    navigator.serviceWorker
      .getRegistration("/")
      .then((reg) => reg?.pushManager.getSubscription() ?? null)
      .then((sub) => {
        if (!live) return;
        setCurrent(sub);
        setStatus(sub ? "on" : "off");
      })
      .catch(() => live && setStatus("off"));
    return () => {
      live = false;
    };
  }, []);

  async function turnOn() {
    setStatus("busy");
    setMessage(null);
    try {
      if ((await Notification.requestPermission()) !== "granted") {
        setMessage({ tone: "error", text: t("denied") });
        setStatus("off");
        return;
      }
      const reg = await registration();
      let sub = await reg.pushManager.getSubscription();
      // A subscription made for another key (the hub's keys changed) cannot be used: start again.
      const key = sub?.options.applicationServerKey;
      if (sub && key && btoa(String.fromCharCode(...new Uint8Array(key))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "") !== publicKey) {
        await sub.unsubscribe();
        sub = null;
      }
      sub ??= await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
      const form = new FormData();
      form.set("subscription", JSON.stringify(sub.toJSON()));
      const result = await subscribe(null, form);
      if (!result?.ok) throw new Error(result?.message);
      setCurrent(sub);
      setStatus("on");
      setMessage({ tone: "success", text: result.data.message });
      router.refresh();
    } catch {
      setMessage({ tone: "error", text: t("failed") });
      setStatus("off");
    }
  }

  async function turnOff() {
    setStatus("busy");
    setMessage(null);
    try {
      await current?.unsubscribe();
      if (mine) {
        const form = new FormData();
        form.set("deviceId", mine.id);
        await unsubscribe(null, form);
      }
    } finally {
      setCurrent(null);
      setStatus("off");
      setMessage({ tone: "success", text: t("turnedOff") });
      router.refresh();
    }
  }

  if (status === "unsupported") return <p className="text-sm text-muted" data-testid="push-unsupported">{t("unsupported")}</p>;
  const on = status === "on" && Boolean(mine);
  return (
    <div className="space-y-2" data-testid="push-this-device">
      <p className="text-sm" data-testid="push-device-status">{status === "checking" ? null : on ? t("isOn") : t("isOff")}</p>
      {on ? (
        <Button type="button" variant="secondary" onClick={turnOff} data-testid="push-turn-off">
          {t("turnOff")}
        </Button>
      ) : (
        <Button type="button" onClick={turnOn} disabled={status === "busy" || status === "checking"} data-testid="push-turn-on">
          {status === "busy" ? t("turningOn") : t("turnOn")}
        </Button>
      )}
      {message ? <Alert tone={message.tone} testId="push-device-result">{message.text}</Alert> : null}
    </div>
  );
}
