import { getTranslations } from "@/lib/i18n/translations";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";

/**
 * What an organizer pastes into the group's own website: the widget's <iframe> and the feed
 * addresses. A private group has neither: nothing of it is shown outside the hub.
 */
export async function OnYourWebsite({ group, origin }: { group: { slug: string; name: string; visibility: "public" | "private" }; origin: string }) {
  const t = await getTranslations("groups.website");
  if (group.visibility !== "public") {
    return (
      <Card>
        <h2 className="mb-2 text-lg font-semibold">{t("title")}</h2>
        <p className="text-sm text-muted" data-testid="no-feeds-private">{t("private")}</p>
      </Card>
    );
  }
  const snippet = `<iframe src="${origin}/embed/groups/${group.slug}" title="${group.name.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}: coming up" loading="lazy" width="100%" height="420" style="border:0"></iframe>`;
  const rss = `${origin}/groups/${group.slug}/feed.rss`;
  const atom = `${origin}/groups/${group.slug}/feed.atom`;
  return (
    <Card>
      <h2 className="mb-2 text-lg font-semibold">{t("title")}</h2>
      <p className="mb-2 text-sm">{t("paste")}</p>
      <label htmlFor="embed-snippet" className="block text-sm font-medium">{t("widget")}</label>
      <textarea id="embed-snippet" readOnly rows={3} className="block w-full rounded-lg border border-line bg-surface p-2 font-mono text-xs" defaultValue={snippet} data-testid="embed-snippet" />
      <div className="mt-1">
        <CopyButton text={snippet} label={t("copy")} testId="copy-embed" />
      </div>
      <p className="mt-3 text-sm">{t("feeds")}</p>
      <ul className="text-sm" data-testid="feed-addresses">
        <li>{t.rich("rss", { address: rss, code: (chunks) => <code>{chunks}</code> })}</li>
        <li>{t.rich("atom", { address: atom, code: (chunks) => <code>{chunks}</code> })}</li>
      </ul>
    </Card>
  );
}
