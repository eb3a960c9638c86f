import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="mt-12 border-t border-line bg-surface">
      <div className="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-6 text-sm text-muted sm:flex-row sm:items-center sm:justify-between">
        <p>Common Thread — small, regular, shared things to do, near you.</p>
        <p>
          Having a hard time?{" "}
          <Link href="/help" className="font-semibold text-ink underline" data-testid="footer-help">
            Help and crisis lines
          </Link>
        </p>
      </div>
    </footer>
  );
}
