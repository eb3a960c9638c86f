import { getTranslations } from "@/lib/i18n/translations";
import { getPhotos } from "@/db/queries/uploads";
import { Avatar } from "./avatar";
import { PictureUpload } from "./picture-upload";

/** The account page's photo: shown beside the member's name as a host or organizer; initials otherwise. */
export async function PhotoSection({ userId, name }: { userId: string; name: string }) {
  const photo = (await getPhotos([userId])).get(userId) ?? null;
  const t = await getTranslations("pictures.photo");
  return (
    <div className="space-y-3" data-testid="photo-section">
      <div className="flex items-center gap-3">
        <Avatar name={name} photo={photo} />
        <p className="text-sm text-muted">{photo ? t("yours") : t("none")}</p>
      </div>
      <PictureUpload endpoint="/api/me/photo" kind="photo" hasPicture={Boolean(photo)} label={t("label")} />
    </div>
  );
}
