import type { Picture } from "@/db/queries/uploads";
import { cn } from "@/components/ui/cn";

const urlOf = (id: string, width: number) => `/uploads/${id}/${width}.webp`;

/** A cover picture at the width that fits, described by its alt text. */
export function Cover({ picture, className, sizes = "(min-width: 1024px) 60rem, 100vw" }: { picture: Picture; className?: string; sizes?: string }) {
  const widths = [...picture.widths].sort((a, b) => a - b);
  const largest = widths[widths.length - 1];
  return (
    // Our own route serves every width already made; Next's image optimizer would only make them again.
    <img
      src={urlOf(picture.id, largest)}
      srcSet={widths.map((w) => `${urlOf(picture.id, w)} ${w}w`).join(", ")}
      sizes={sizes}
      alt={picture.alt}
      width={picture.width}
      height={picture.height}
      className={cn("aspect-[16/7] w-full rounded-xl object-cover", className)}
      data-testid="cover-picture"
    />
  );
}
