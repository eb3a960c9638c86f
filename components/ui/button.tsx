import type { ButtonHTMLAttributes } from "react";
import Link from "next/link";
import { cn } from "./cn";

type Variant = "primary" | "secondary" | "ghost" | "danger";

const base =
  "inline-flex items-center justify-center gap-2 rounded-lg px-4 py-2 text-sm font-semibold min-h-11 transition-colors disabled:opacity-60 disabled:cursor-not-allowed";

const variants: Record<Variant, string> = {
  primary: "bg-brand text-brand-ink hover:opacity-90",
  secondary: "border border-line bg-surface text-ink hover:bg-brand-soft",
  ghost: "text-ink hover:bg-brand-soft",
  danger: "bg-danger text-surface hover:opacity-90",
};

export function buttonClass(variant: Variant = "primary", className?: string): string {
  return cn(base, variants[variant], className);
}

export function Button({ variant = "primary", className, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button className={buttonClass(variant, className)} {...props} />;
}

export function ButtonLink({ href, variant = "primary", className, children, ...rest }: { href: string; variant?: Variant; className?: string; children: React.ReactNode; "data-testid"?: string }) {
  return (
    <Link href={href} className={buttonClass(variant, cn("no-underline", className))} {...rest}>
      {children}
    </Link>
  );
}
