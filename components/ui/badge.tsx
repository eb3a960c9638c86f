import type { ReactNode } from "react";
import { cn } from "./cn";

export function Badge({ children, tone = "neutral", className, title }: { children: ReactNode; tone?: "neutral" | "brand" | "accent" | "danger"; className?: string; title?: string }) {
  const tones = {
    neutral: "border-line text-ink",
    brand: "border-brand text-ink bg-brand-soft",
    accent: "border-accent text-ink",
    danger: "border-danger text-danger bg-danger-soft",
  }[tone];
  return (
    <span title={title} className={cn("inline-flex items-center gap-1 rounded-full border px-2.5 py-0.5 text-xs font-medium", tones, className)}>
      {children}
    </span>
  );
}
