import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/translations";
import { Card } from "@/components/ui/card";
import { getNetworkMix } from "@/db/queries/mix";
import type { UiLocale } from "@/lib/i18n/locales";
import { loadMe } from "../loader";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("me.mix"))("title") };
}

export default async function MixPage() {
  const { viewer, zone, now } = await loadMe("/me/mix");
  const locale = (await getLocale()) as UiLocale;
  const [mix, t, labels] = await Promise.all([getNetworkMix(viewer.id, zone, now, locale), getTranslations("me.mix"), getTranslations("labels")]);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
      </header>

      {mix.suggestion ? (
        <Card data-testid="mix-suggestion" className="border-brand">
          <h2 className="font-semibold">{t("idea")}</h2>
          <p>
            {mix.suggestion.text} <Link className="underline" href={mix.suggestion.href}>{t("haveALook")}</Link>
          </p>
        </Card>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-2">
        <Card>
          <h2 className="font-semibold">{t("groups")}</h2>
          {mix.byGroup.length ? (
            <ul className="mt-1 text-sm" data-testid="mix-groups">
              {mix.byGroup.map((g) => (
                <li key={g.groupId}>{t("count", { what: g.name, count: g.count })}</li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">{t("noGroups")}</p>
          )}
        </Card>
        <Card>
          <h2 className="font-semibold">{t("kinds")}</h2>
          {mix.byKind.length ? (
            <ul className="mt-1 text-sm" data-testid="mix-kinds">
              {mix.byKind.map((k) => (
                <li key={k.kind}>{t("count", { what: labels(`kind.${k.kind}`), count: k.count })}</li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">{t("noKinds")}</p>
          )}
        </Card>
        <Card>
          <h2 className="font-semibold">{t("people")}</h2>
          {mix.repeatPeople.length ? (
            <ul className="mt-1 text-sm" data-testid="mix-people">
              {mix.repeatPeople.map((p) => (
                <li key={p.userId}>{t("together", { name: p.name, count: p.sharedActivities })}</li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">{t("noPeople")}</p>
          )}
        </Card>
        <Card>
          <h2 className="font-semibold">{t("partners")}</h2>
          {mix.partners.length ? (
            <ul className="mt-1 text-sm" data-testid="mix-partners">
              {mix.partners.map((p) => (
                <li key={p.id}><Link className="underline" href={`/me/partners/${p.id}`}>{p.name}</Link></li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">
              {t.rich("noPartners", { link: (chunks) => <Link className="underline" href="/me/partners">{chunks}</Link> })}
            </p>
          )}
        </Card>
      </div>
    </div>
  );
}
