"use client";

import dynamic from "next/dynamic";
import type { MapTiles } from "@/lib/map-tiles";

export interface MapMarker {
  id?: string;
  lat: number;
  lng: number;
  title: string;
  /** A line under the title in the marker's popup (the place's name). */
  detail?: string;
  href?: string;
}

export interface PlaceMapProps {
  tiles: MapTiles;
  markers?: MapMarker[];
  /** A draggable pin the organizer drops (the place picker); with onPin, a click moves it. */
  pin?: { lat: number; lng: number } | null;
  onPin?: (lat: number, lng: number) => void;
  /** Where the map opens when it has no marker or pin (the middle of the places offered). */
  center?: { lat: number; lng: number } | null;
  /** The map's accessible name. */
  label: string;
  zoom?: number;
  testId?: string;
}

/*
 * A map, drawn in the browser only: Leaflet and its stylesheet load with it, so pages without
 * a map never fetch them. Without JavaScript nothing is shown here; the page's list or address
 * and its "Open in a map" link are the map's text equivalent.
 */
const LeafletMap = dynamic(() => import("./leaflet-map"), {
  ssr: false,
  loading: () => <div className="h-64 w-full rounded-lg border border-line bg-surface" aria-hidden="true" />,
});

export function PlaceMap(props: PlaceMapProps) {
  return <LeafletMap {...props} />;
}
