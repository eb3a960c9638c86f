import type { Picture } from "@/db/queries/uploads";
import { cn } from "@/components/ui/cn";
import { initialsOf } from "@/lib/uploads/initials";

/** A member's photo, or their initials when they have none. The name beside it says who it is. */
export function Avatar({ name, photo, size = "md" }: { name: string; photo?: Picture | null; size?: "sm" | "md" }) {
  const box = size === "sm" ? "h-8 w-8 text-xs" : "h-12 w-12 text-sm";
  if (photo) {
    const width = [...photo.widths].sort((a, b) => a - b).find((w) => w >= 96) ?? photo.widths[0];
    return <img src={`/uploads/${photo.id}/${width}.webp`} alt="" className={cn(box, "shrink-0 rounded-full object-cover")} data-testid="avatar-photo" />;
  }
  return (
    <span aria-hidden="true" className={cn(box, "inline-flex shrink-0 items-center justify-center rounded-full bg-brand-soft font-semibold text-ink")} data-testid="avatar-initials">
      {initialsOf(name)}
    </span>
  );
}
