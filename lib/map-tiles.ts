/*
 * Where map tiles come from (MAP_TILES_URL): OpenStreetMap's own tile server unless set, no
 * maps at all when set empty. Pure, so the proxy can build the Content-Security-Policy from it
 * without reading the rest of the settings: the tile host is allowed for images and for nothing
 * else.
 */

export const OPENSTREETMAP_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

export interface MapTiles {
  /** A Leaflet URL template with {z}, {x} and {y}. */
  url: string;
  /** The tile host, for img-src. */
  origin: string;
  /** Shown under every map; OpenStreetMap's data licence asks for it. */
  attribution: { text: string; href: string };
}

const OSM_ATTRIBUTION = { text: "© OpenStreetMap contributors", href: "https://www.openstreetmap.org/copyright" };

/** Why a MAP_TILES_URL cannot be used, or null when it can (an empty one turns maps off). */
export function mapTilesProblem(raw: string): string | null {
  const template = raw.trim();
  if (!template) return null;
  if (!["{z}", "{x}", "{y}"].every((p) => template.includes(p))) return "must contain {z}, {x} and {y}";
  let url: URL;
  try {
    url = new URL(template.replace(/\{[xyz]\}/g, "0"));
  } catch {
    return "must be an http:// or https:// address";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must be an http:// or https:// address";
  if (/[{}]/.test(url.host) || /[{}]/.test(decodeURI(url.pathname + url.search))) return "may use only {z}, {x} and {y}, and not in the host";
  return null;
}

/** The tiles to use, or null when maps are off (MAP_TILES_URL set empty, or unusable). */
export function mapTilesFrom(raw: string | undefined, attribution?: string): MapTiles | null {
  const template = (raw ?? OPENSTREETMAP_TILES).trim();
  if (!template || mapTilesProblem(template)) return null;
  const origin = new URL(template.replace(/\{[xyz]\}/g, "0")).origin;
  const text = attribution?.trim();
  return { url: template, origin, attribution: text ? { text, href: "" } : OSM_ATTRIBUTION };
}
