import Link from "next/link";

/**
 * Previous/next links that keep every other parameter of the current search. `pageCount` is
 * null when the listing stopped counting before the end: then it says only which page this is.
 */
export function Pagination({ basePath, params, page, pageCount, hasMore }: { basePath: string; params: URLSearchParams; page: number; pageCount: number | null; hasMore: boolean }) {
  if (pageCount === 0) return null;
  const hrefFor = (p: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(p));
    return `${basePath}?${next.toString()}`;
  };
  if (pageCount !== null && page > pageCount) {
    return (
      <p className="text-sm" data-testid="past-last-page">
        There {pageCount === 1 ? "is only 1 page" : `are only ${pageCount} pages`} of results.{" "}
        <Link className="underline" href={hrefFor(pageCount)}>
          Go to the last page
        </Link>
      </p>
    );
  }
  if (page === 1 && !hasMore) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-2 text-sm">
      {page > 1 ? <Link className="rounded-md border border-line px-3 py-2" href={hrefFor(page - 1)} rel="prev">← Earlier</Link> : <span />}
      <span>{pageCount === null ? `Page ${page}` : `Page ${page} of ${pageCount}`}</span>
      {hasMore ? <Link className="rounded-md border border-line px-3 py-2" href={hrefFor(page + 1)} rel="next" data-testid="next-page">Later →</Link> : <span />}
    </nav>
  );
}
