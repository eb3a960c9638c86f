import { getTranslations } from "@/lib/i18n/translations";
import { PlaceMap } from "@/components/place-map/place-map";
import type { ActivityDetail } from "@/db/queries/activities";
import type { MapTiles } from "@/lib/map-tiles";

/**
 * A small map of the activity's place, below what it is like to be there: the address and
 * "Open in a map" stay with when and where, so the RSVP box still follows them closely on a
 * phone. Only a public group's activity with a point is drawn; a private group's place stays
 * as text.
 */
export async function ActivityMap({ activity: a, tiles }: { activity: ActivityDetail; tiles: MapTiles | null }) {
  if (!tiles || a.group.visibility !== "public" || a.latitude === null || a.longitude === null) return null;
  const t = await getTranslations("activity.map");
  return (
    <section aria-labelledby="map-heading" data-testid="activity-map">
      <h2 id="map-heading" className="mb-2 text-xl font-semibold">
        {t("heading")}
      </h2>
      <PlaceMap tiles={tiles} markers={[{ lat: a.latitude, lng: a.longitude, title: a.placeName || a.title, detail: a.address }]} label={a.placeName ? t("label", { place: a.placeName }) : t("labelUnknown")} />
    </section>
  );
}
