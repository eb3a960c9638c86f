import Link from "next/link";

/** Previous/next links that keep every other parameter of the current search. */
export function Pagination({ basePath, params, page, pageCount }: { basePath: string; params: URLSearchParams; page: number; pageCount: number }) {
  if (pageCount === 0) return null;
  const hrefFor = (p: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(p));
    return `${basePath}?${next.toString()}`;
  };
  if (page > pageCount) {
    return (
      <p className="text-sm" data-testid="past-last-page">
        There {pageCount === 1 ? "is only 1 page" : `are only ${pageCount} pages`} of results.{" "}
        <Link className="underline" href={hrefFor(pageCount)}>
          Go to the last page
        </Link>
      </p>
    );
  }
  if (pageCount === 1) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-2 text-sm">
      {page > 1 ? <Link className="rounded-md border border-line px-3 py-2" href={hrefFor(page - 1)} rel="prev">← Earlier</Link> : <span />}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? <Link className="rounded-md border border-line px-3 py-2" href={hrefFor(page + 1)} rel="next" data-testid="next-page">Later →</Link> : <span />}
    </nav>
  );
}
