import type { ReactNode } from "react";
import { cn } from "./cn";

/** A message box. "error" uses role=alert so it is announced; "info" and "success" are polite. */
export function Alert({ tone = "info", title, children, className, testId }: { tone?: "info" | "success" | "error"; title?: ReactNode; children?: ReactNode; className?: string; testId?: string }) {
  const styles = {
    info: "border-line bg-surface",
    success: "border-brand bg-ok-soft",
    error: "border-danger bg-danger-soft",
  }[tone];
  return (
    <div role={tone === "error" ? "alert" : "status"} data-testid={testId} className={cn("rounded-lg border-l-4 p-3 text-sm", styles, className)}>
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? "mt-1" : undefined}>{children}</div> : null}
    </div>
  );
}
