import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { Card } from "@/components/ui/card";
import { listPushDevices } from "@/db/queries/push";
import { formatDay } from "@/lib/dates";
import { vapidKeys } from "@/lib/env";
import type { UiLocale } from "@/lib/i18n/locales";
import { PUSH_KINDS } from "@/lib/push/kinds";
import { requireViewer } from "@/server/auth/session";
import { getViewerZone } from "@/server/viewer-zone";
import { savePushChoicesAction, subscribePushAction, unsubscribePushAction } from "./actions";
import { DeviceChoices } from "./device-choices";
import { ThisDevice } from "./this-device";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("push");
  return { title: t("page.title") };
}

export default async function PushPage() {
  const viewer = await requireViewer("/account/push");
  const [t, locale, devices, zone] = await Promise.all([getTranslations("push"), getLocale(), listPushDevices(viewer.id), getViewerZone()]);
  const keys = vapidKeys();
  const day = (date: Date) => formatDay(date, zone, locale as UiLocale);
  const deviceName = (d: { browser: string | null; system: string | null }) => t("device.name", { browser: d.browser ?? t("device.aBrowser"), system: d.system ?? "none" });
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link className="underline" href="/account">{t("page.back")}</Link>
      </p>
      <h1 className="text-2xl font-bold">{t("page.title")}</h1>
      <p className="text-sm text-muted">{t("page.intro")}</p>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">{t("page.thisDevice")}</h2>
        {keys ? (
          <ThisDevice publicKey={keys.publicKey} devices={devices.map((d) => ({ id: d.id, endpoint: d.endpoint }))} subscribe={subscribePushAction} unsubscribe={unsubscribePushAction} />
        ) : (
          <p className="text-sm text-muted" data-testid="push-unavailable">{t("page.unavailable")}</p>
        )}
      </Card>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">{t("page.devices")}</h2>
        {devices.length ? (
          <ul className="divide-y divide-line" data-testid="push-devices">
            {devices.map((d) => {
              const name = deviceName(d);
              return (
                <li key={d.id} className="space-y-2 py-3" data-testid="push-device">
                  <h3 className="font-medium">{name}</h3>
                  <p className="text-sm text-muted">{t("page.deviceMeta", { made: day(d.createdAt), hasLast: d.lastSuccessAt ? "yes" : "no", last: d.lastSuccessAt ? day(d.lastSuccessAt) : "" })}</p>
                  <DeviceChoices
                    deviceId={d.id}
                    kinds={d.kinds}
                    showDetails={d.showDetails}
                    save={savePushChoicesAction}
                    remove={unsubscribePushAction}
                    words={{
                      kindsLegend: t("page.kindsLegend"),
                      detailsLegend: t("page.detailsLegend"),
                      detailsOff: t("page.detailsOff"),
                      detailsOn: t("page.detailsOn"),
                      save: t("page.save"),
                      saveFor: t("page.saveFor", { device: name }),
                      remove: t("page.remove"),
                      removeFor: t("page.removeFor", { device: name }),
                      kinds: PUSH_KINDS.map((kind) => ({ kind, label: t(`kind.${kind}`) })),
                    }}
                  />
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="text-sm text-muted">{t("page.noDevices")}</p>
        )}
      </Card>
    </div>
  );
}
