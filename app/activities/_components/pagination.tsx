import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";

/**
 * Previous/next links that keep every other parameter of the current search. `pageCount` is
 * null when the listing stopped counting before the end: then it says only which page this is.
 */
export async function Pagination({ basePath, params, page, pageCount, hasMore }: { basePath: string; params: URLSearchParams; page: number; pageCount: number | null; hasMore: boolean }) {
  if (pageCount === 0) return null;
  const t = await getTranslations("listing.pages");
  const hrefFor = (p: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(p));
    return `${basePath}?${next.toString()}`;
  };
  if (pageCount !== null && page > pageCount) {
    return (
      <p className="text-sm" data-testid="past-last-page">
        {t("past", { count: pageCount })}{" "}
        <Link className="underline" href={hrefFor(pageCount)}>
          {t("goLast")}
        </Link>
      </p>
    );
  }
  if (page === 1 && !hasMore) return null;
  return (
    <nav aria-label={t("nav")} className="flex items-center justify-between gap-2 text-sm">
      {page > 1 ? <Link className="rounded-md border border-line px-3 py-2" href={hrefFor(page - 1)} rel="prev">{t("earlier")}</Link> : <span />}
      <span>{pageCount === null ? t("page", { page }) : t("pageOf", { page, count: pageCount })}</span>
      {hasMore ? <Link className="rounded-md border border-line px-3 py-2" href={hrefFor(page + 1)} rel="next" data-testid="next-page">{t("later")}</Link> : <span />}
    </nav>
  );
}
