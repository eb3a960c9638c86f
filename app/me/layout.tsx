import Link from "next/link";
import type { ReactNode } from "react";

const SECTIONS = [
  { href: "/me/participation", label: "Participation" },
  { href: "/me/week", label: "My week" },
  { href: "/me/plan", label: "Connection plan" },
  { href: "/me/partners", label: "Check-in partners" },
  { href: "/me/mix", label: "My mix" },
  { href: "/me/questions", label: "My questions" },
];

/** The member's own, private pages. Nothing under /me is ever shown to anyone else. */
export default function MeLayout({ children }: { children: ReactNode }) {
  return (
    <div className="space-y-6">
      {/* The header's "My connections" opens this area: it says so above its pages. */}
      <p className="text-sm font-semibold uppercase tracking-wide text-muted" data-testid="me-area">
        My connections
      </p>
      <nav aria-label="My connections" className="-mt-4 flex flex-wrap gap-1 text-sm">
        {SECTIONS.map((s) => (
          <Link key={s.href} href={s.href} className="rounded-md border border-line bg-surface px-3 py-2 hover:bg-brand-soft">
            {s.label}
          </Link>
        ))}
      </nav>
      <p className="text-sm text-muted">Only you can see these pages.</p>
      {children}
    </div>
  );
}
