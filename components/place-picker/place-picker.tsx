"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type ChangeEvent, type MouseEvent } from "react";
import type { UseFormReturn } from "react-hook-form";
import { PlaceMap } from "@/components/place-map/place-map";
import { Field, Input } from "@/components/ui/field";
import type { MapTiles } from "@/lib/map-tiles";
import type { ActivityFormValues, ActivityInput } from "@/lib/validation/activity";
import type { PlaceChoices, PlaceOption } from "@/lib/validation/place-choice";

export interface PlacePickerData extends PlaceChoices {
  /** The search typed, as the page was asked for it (?placeSearch=). */
  search: string;
}

/** The id of the page's GET form that the search box belongs to (PlaceSearchForm). */
export const PLACE_SEARCH_FORM = "place-search";
export const PLACE_SEARCH_PARAM = "placeSearch";

type Values = ActivityFormValues;
type Form = UseFormReturn<Values, unknown, ActivityInput>;

/**
 * The "Where" of the activity form: the group's and the hub's past places, a search among
 * them by name or postcode, and a new place typed in, with a pin dropped on a map. Nobody types
 * coordinates. Without JavaScript a place is picked with its radio button (the server reads
 * the stored place) and the search is a plain GET of this page; with it, picking fills the
 * fields in and the search keeps everything typed so far.
 */
export function PlacePicker({
  form,
  field,
  err,
  a11y,
  places,
  tiles,
}: {
  form: Form;
  /** The form's own register, which also renders each field's value for the page without JavaScript. */
  field: (name: keyof Values) => ReturnType<Form["register"]> & { defaultValue?: string; defaultChecked?: boolean };
  err: (name: keyof Values & string) => string | undefined;
  a11y: (name: keyof Values & string, hint?: boolean) => Record<string, unknown>;
  places: PlacePickerData;
  tiles: MapTiles | null;
}) {
  const t = useTranslations("client-organize.places");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [search, setSearch] = useState(places.search);
  const lat = form.watch("latitude");
  const lng = form.watch("longitude");
  const pin = lat !== "" && lat !== undefined && lng !== "" && lng !== undefined && Number.isFinite(Number(lat)) && Number.isFinite(Number(lng)) ? { lat: Number(lat), lng: Number(lng) } : null;
  const chosen = form.watch("place") ?? "";
  const shown = places.found ?? places.offered;
  // With no pin yet, the map opens over the places the group and the hub use.
  const located = places.offered.filter((p) => p.lat !== null && p.lng !== null);
  const center = located.length ? { lat: located.reduce((s, p) => s + p.lat!, 0) / located.length, lng: located.reduce((s, p) => s + p.lng!, 0) / located.length } : null;

  const setPoint = (point: { lat: number; lng: number } | null) => {
    const round = (n: number) => String(Math.round(n * 1e6) / 1e6);
    form.setValue("latitude", point ? round(point.lat) : "", { shouldDirty: true });
    form.setValue("longitude", point ? round(point.lng) : "", { shouldDirty: true });
  };

  const pick = (p: PlaceOption) => {
    form.setValue("placeName", p.name, { shouldDirty: true, shouldValidate: true });
    form.setValue("address", p.address, { shouldDirty: true });
    form.setValue("neighbourhood", p.neighbourhood, { shouldDirty: true });
    setPoint(p.lat !== null && p.lng !== null ? { lat: p.lat, lng: p.lng } : null);
  };

  // Typing a place of one's own after picking one makes it a new place.
  const typed = (name: "placeName" | "address" | "neighbourhood") => {
    const reg = field(name);
    return {
      ...reg,
      onChange: (e: ChangeEvent<HTMLInputElement>) => {
        if (chosen) form.setValue("place", "");
        return reg.onChange(e);
      },
    };
  };

  const placeRadio = form.register("place");

  // "12 River Lane · Riverside · used by this group": what the place is, then whose it is.
  const placeDetails = (p: PlaceOption) => {
    const details = [p.name ? p.address : "", p.neighbourhood].filter(Boolean).join(" · ");
    const from = p.from === "group" ? "Group" : "Hub";
    return details ? t(`from${from}With`, { details }) : t(`from${from}`);
  };

  // With JavaScript the search stays on this page without losing what was typed.
  const runSearch = (e: MouseEvent<HTMLButtonElement>) => {
    e.preventDefault();
    const next = new URLSearchParams(params.toString());
    if (search.trim()) next.set(PLACE_SEARCH_PARAM, search.trim());
    else next.delete(PLACE_SEARCH_PARAM);
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };

  return (
    <div className="space-y-4" data-testid="place-picker">
      <div className="space-y-1">
        <label htmlFor="place-search-box" className="block text-sm font-medium">
          {t("find")}
        </label>
        <p id="place-search-hint" className="text-sm text-muted">
          {t("findHint")}
        </p>
        <div className="flex gap-2">
          <Input
            id="place-search-box"
            type="search"
            name={PLACE_SEARCH_PARAM}
            form={PLACE_SEARCH_FORM}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            maxLength={80}
            aria-describedby="place-search-hint"
            data-testid="place-search"
          />
          <button type="submit" form={PLACE_SEARCH_FORM} onClick={runSearch} className="min-h-11 shrink-0 rounded-lg border border-line px-4 text-sm font-medium" data-testid="place-search-submit">
            {t("search")}
          </button>
        </div>
      </div>

      <fieldset className="space-y-1" aria-describedby={err("place") ? "place-error" : "place-hint"}>
        <legend className="text-sm font-medium">{places.found ? t("matching", { search: places.search }) : t("usedBefore")}</legend>
        <p id="place-hint" className="text-sm text-muted">
          {t("pickHint")}
        </p>
        {places.found && places.found.length === 0 ? (
          <p className="text-sm" data-testid="place-search-none">
            {t("noneFound")}
          </p>
        ) : null}
        <ul className="space-y-1" data-testid="place-choices">
          <li>
            <label className="flex min-h-11 items-center gap-2 text-sm">
              <input type="radio" {...placeRadio} value="" defaultChecked={!chosen} className="h-5 w-5" data-testid="place-new" />
              {t("newPlace")}
            </label>
          </li>
          {shown.map((p) => (
            <li key={p.value}>
              <label className="flex min-h-11 items-start gap-2 py-1 text-sm">
                <input
                  type="radio"
                  {...placeRadio}
                  value={p.value}
                  defaultChecked={chosen === p.value}
                  onChange={(e) => {
                    void placeRadio.onChange(e);
                    pick(p);
                  }}
                  className="mt-0.5 h-5 w-5 shrink-0"
                  data-testid="place-choice"
                />
                <span>
                  <span className="font-medium">{p.name || p.address}</span>
                  <span className="block text-muted">
                    {placeDetails(p)}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        {err("place") ? (
          <p id="place-error" className="text-sm font-medium text-danger" data-testid="place-error">
            {err("place")}
          </p>
        ) : null}
      </fieldset>

      <Field id="placeName" label={t("placeName")} error={err("placeName")}>
        <Input {...typed("placeName")} {...a11y("placeName")} maxLength={200} />
      </Field>
      <Field id="address" label={t("address")} error={err("address")}>
        <Input {...typed("address")} {...a11y("address")} maxLength={300} autoComplete="street-address" />
      </Field>
      <Field id="neighbourhood" label={t("neighbourhood")} hint={t("neighbourhoodHint")} error={err("neighbourhood")}>
        <Input {...typed("neighbourhood")} {...a11y("neighbourhood", true)} maxLength={80} />
      </Field>
      {/* The point follows the pin (and a picked place); it is rendered with the page, so an edit keeps it without JavaScript. */}
      <input type="hidden" {...form.register("latitude")} value={lat === undefined || lat === null ? "" : String(lat)} data-testid="place-latitude" />
      <input type="hidden" {...form.register("longitude")} value={lng === undefined || lng === null ? "" : String(lng)} data-testid="place-longitude" />

      {tiles ? (
        <div className="space-y-2" data-testid="place-pin">
          <p className="text-sm" id="place-pin-hint">
            {pin ? t("pinHint") : t("dropPin")}
          </p>
          <PlaceMap tiles={tiles} pin={pin} center={center} onPin={(la, ln) => setPoint({ lat: la, lng: ln })} label={t("mapLabel")} testId="pin-map" />
          {pin ? (
            <button type="button" className="text-sm underline" onClick={() => setPoint(null)} data-testid="remove-pin">
              {t("removePin")}
            </button>
          ) : null}
        </div>
      ) : null}
      {err("latitude") || err("longitude") ? <p className="text-sm font-medium text-danger">{err("latitude") ?? err("longitude")}</p> : null}
    </div>
  );
}

/**
 * The place search's own GET form, outside the activity form (forms cannot nest): the search box
 * and button inside the picker belong to it by its id. `keep` carries the page's other query
 * parameters (a copy being made, a project chosen).
 */
export function PlaceSearchForm({ keep = {} }: { keep?: Record<string, string> }) {
  return (
    <form id={PLACE_SEARCH_FORM} method="get" aria-hidden="true" className="hidden">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </form>
  );
}
