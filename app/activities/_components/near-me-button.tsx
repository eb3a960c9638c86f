"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";

/**
 * "Near me": asks the browser for its position and searches around it. Shown only where
 * the browser can tell (with JavaScript and geolocation); the position goes into the URL
 * as lat/lng rounded to about 100 m, and nowhere else, with the nearest listed first. Refused or unavailable, it says so
 * and the place or postcode field still works.
 */
export function NearMeButton() {
  const [supported, setSupported] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const ref = useRef<HTMLButtonElement>(null);
  const t = useTranslations("client-visit.nearMe");
  useEffect(() => setSupported(typeof navigator !== "undefined" && "geolocation" in navigator), []);
  if (!supported) return null;

  const locate = () => {
    setMessage(t("finding"));
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const form = ref.current?.form;
        if (!form) return;
        // Nearest first: someone asking what is near them wants the closest at the top.
        for (const [name, value] of [["lat", position.coords.latitude.toFixed(3)], ["lng", position.coords.longitude.toFixed(3)], ["sort", "nearest"]] as const) {
          const input = (form.elements.namedItem(name) as HTMLInputElement | null) ?? Object.assign(document.createElement("input"), { type: "hidden", name });
          input.value = value;
          form.appendChild(input);
        }
        for (const name of ["near", "neighbourhood"]) {
          const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
          if (field) field.value = "";
        }
        const km = form.elements.namedItem("km") as HTMLSelectElement | null;
        if (km && !km.value) km.value = "5";
        form.requestSubmit();
      },
      () => setMessage(t("failed")),
      { maximumAge: 600_000, timeout: 10_000 },
    );
  };

  return (
    <div className="space-y-1">
      <button ref={ref} type="button" className={buttonClass("secondary")} onClick={locate} data-testid="near-me">
        {t("button")}
      </button>
      {message ? <p role="status" className="text-sm text-muted">{message}</p> : null}
    </div>
  );
}
