"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog; without JavaScript the browser's own Print does the same. */
export function PrintButton() {
  const t = useTranslations("client-organize.print");
  return (
    <Button type="button" onClick={() => window.print()} data-testid="print-statement">
      {t("print")}
    </Button>
  );
}
