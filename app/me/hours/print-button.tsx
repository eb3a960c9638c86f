"use client";

import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog; without JavaScript the browser's own Print does the same. */
export function PrintButton() {
  return (
    <Button type="button" onClick={() => window.print()} data-testid="print-statement">
      Print
    </Button>
  );
}
