"use client";

import "leaflet/dist/leaflet.css";
import type * as Leaflet from "leaflet";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { MapMarker, PlaceMapProps } from "./place-map";

/*
 * The Leaflet map itself, loaded only by pages that show one (place-map.tsx imports this file
 * on demand). What a popup shows is built as text nodes, never as HTML. Markers are for the
 * pointer only (not in the tab order): the list beside every map holds the same activities as
 * links a keyboard and a screen reader reach, and markers close together could never all be
 * targets of a usable size.
 */

/** OpenStreetMap's credit as lib/map-tiles.ts gives it when MAP_TILES_ATTRIBUTION is not set. */
const OSM_CREDIT = "© OpenStreetMap contributors";

function popupOf(m: MapMarker): HTMLElement {
  const box = document.createElement("div");
  if (m.href) {
    const a = document.createElement("a");
    a.href = m.href;
    a.textContent = m.title;
    box.append(a);
  } else {
    box.textContent = m.title;
  }
  if (m.detail) {
    const p = document.createElement("div");
    p.textContent = m.detail;
    box.append(p);
  }
  return box;
}

export default function LeafletMap({ tiles, markers, pin, onPin, center, label, zoom = 15, testId = "place-map" }: PlaceMapProps) {
  const box = useRef<HTMLDivElement>(null);
  const pinned = useRef<{ map: Leaflet.Map; L: typeof Leaflet; marker?: Leaflet.Marker } | null>(null);
  const onPinRef = useRef(onPin);
  // The pin's name, read by the effects below without making the map again when it changes.
  const t = useTranslations("client-visit.map");
  const pinLabel = useRef("");
  pinLabel.current = t("pin");
  // The zoom buttons' names, set once when the map is made.
  const zoomTitles = useRef({ zoomInTitle: "", zoomOutTitle: "" });
  zoomTitles.current = { zoomInTitle: t("zoomIn"), zoomOutTitle: t("zoomOut") };
  onPinRef.current = onPin;
  const markerKey = JSON.stringify(markers ?? []);

  useEffect(() => {
    let map: Leaflet.Map | undefined;
    let gone = false;
    void import("leaflet").then(({ default: L }) => {
      if (gone || !box.current) return;
      map = L.map(box.current, { attributionControl: false, scrollWheelZoom: false, zoomControl: false });
      L.control.zoom(zoomTitles.current).addTo(map);
      L.tileLayer(tiles.url, { maxZoom: 19, crossOrigin: false }).addTo(map);
      const icon = (className: string) => L.divIcon({ className, iconSize: [22, 22], iconAnchor: [11, 11], popupAnchor: [0, -10] });
      const shown = JSON.parse(markerKey) as MapMarker[];
      const points = shown.map((m): [number, number] => [m.lat, m.lng]);
      // The view is set first: Leaflet draws a marker's element only once the map has one.
      if (points.length > 1) map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 15 });
      else if (points.length === 1) map.setView(points[0], zoom);
      else if (pin) map.setView([pin.lat, pin.lng], zoom);
      else if (center) map.setView([center.lat, center.lng], 13);
      else map.setView([54, -2], 5);
      for (const m of shown) {
        const marker = L.marker([m.lat, m.lng], { icon: icon("ct-map-marker"), title: m.title, alt: m.title, keyboard: false }).addTo(map);
        marker.bindPopup(popupOf(m));
        const el = marker.getElement();
        el?.setAttribute("data-testid", "map-marker");
        if (m.id) el?.setAttribute("data-id", m.id);
      }
      if (onPinRef.current) {
        const state: { map: Leaflet.Map; L: typeof Leaflet; marker?: Leaflet.Marker } = { map, L };
        pinned.current = state;
        const place = (lat: number, lng: number) => {
          if (!state.marker) {
            state.marker = L.marker([lat, lng], { icon: icon("ct-map-pin"), title: pinLabel.current, alt: pinLabel.current, draggable: true, keyboard: false }).addTo(state.map);
            state.marker.getElement()?.setAttribute("data-testid", "map-pin");
            state.marker.on("dragend", () => {
              const at = state.marker!.getLatLng();
              onPinRef.current?.(at.lat, at.lng);
            });
          } else {
            state.marker.setLatLng([lat, lng]);
          }
        };
        if (pin) place(pin.lat, pin.lng);
        map.on("click", (e: Leaflet.LeafletMouseEvent) => {
          place(e.latlng.lat, e.latlng.lng);
          onPinRef.current?.(e.latlng.lat, e.latlng.lng);
        });
      }
      box.current.setAttribute("data-ready", "true");
    });
    return () => {
      gone = true;
      pinned.current = null;
      map?.remove();
    };
    // The map is built once per set of markers; a pin moved from outside is followed below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tiles.url, markerKey]);

  // A place picked from the list moves the pin and the view to it.
  useEffect(() => {
    const state = pinned.current;
    if (!state || !pin) return;
    if (state.marker) state.marker.setLatLng([pin.lat, pin.lng]);
    else {
      state.marker = state.L.marker([pin.lat, pin.lng], { icon: state.L.divIcon({ className: "ct-map-pin", iconSize: [22, 22], iconAnchor: [11, 11] }), title: pinLabel.current, alt: pinLabel.current, draggable: true, keyboard: false }).addTo(state.map);
      state.marker.getElement()?.setAttribute("data-testid", "map-pin");
    }
    state.map.setView([pin.lat, pin.lng], Math.max(state.map.getZoom(), zoom));
  }, [pin?.lat, pin?.lng, pin, zoom]);

  // OpenStreetMap's own credit is worded in the page's language; one set with MAP_TILES_ATTRIBUTION is shown as written.
  const attribution = tiles.attribution.text === OSM_CREDIT ? t("osm") : tiles.attribution.text;
  return (
    <figure className="space-y-1">
      <div ref={box} className="ct-map h-64 w-full overflow-hidden rounded-lg border border-line" role="region" aria-label={label} data-testid={testId} />
      <figcaption className="text-xs text-muted">
        {tiles.attribution.href ? (
          <a className="underline" href={tiles.attribution.href} rel="noopener noreferrer">
            {attribution}
          </a>
        ) : (
          attribution
        )}
      </figcaption>
    </figure>
  );
}
