import type { ReactNode } from "react";
import { cn } from "./cn";

/** A small rounded label; its look is the `badge` classes of app/globals.css. */
export function Badge({ children, tone = "neutral", className, title }: { children: ReactNode; tone?: "neutral" | "brand" | "accent" | "danger"; className?: string; title?: string }) {
  return (
    <span {...(title ? { title } : {})} className={cn("badge", `badge-${tone}`, className)}>
      {children}
    </span>
  );
}
