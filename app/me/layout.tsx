import Link from "next/link";
import { getTranslations } from "@/lib/i18n/translations";
import type { ReactNode } from "react";

const SECTIONS = [
  { href: "/me/participation", label: "participation" },
  { href: "/me/week", label: "week" },
  { href: "/me/plan", label: "plan" },
  { href: "/me/partners", label: "partners" },
  { href: "/me/mix", label: "mix" },
  { href: "/me/questions", label: "questions" },
] as const;

/** The member's own, private pages. Nothing under /me is ever shown to anyone else. */
export default async function MeLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("me.area");
  return (
    <div className="space-y-6">
      {/* The header's "My connections" opens this area: it says so above its pages. */}
      <p className="text-sm font-semibold uppercase tracking-wide text-muted" data-testid="me-area">
        {t("name")}
      </p>
      <nav aria-label={t("name")} className="-mt-4 flex flex-wrap gap-1 text-sm">
        {SECTIONS.map((s) => (
          <Link key={s.href} href={s.href} className="rounded-md border border-line bg-surface px-3 py-2 hover:bg-brand-soft">
            {t(`sections.${s.label}`)}
          </Link>
        ))}
      </nav>
      <p className="text-sm text-muted">{t("private")}</p>
      {children}
    </div>
  );
}
