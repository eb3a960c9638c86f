import { getPhotos } from "@/db/queries/uploads";
import { Avatar } from "./avatar";
import { PictureUpload } from "./picture-upload";

/** The account page's photo: shown beside the member's name as a host or organizer; initials otherwise. */
export async function PhotoSection({ userId, name }: { userId: string; name: string }) {
  const photo = (await getPhotos([userId])).get(userId) ?? null;
  return (
    <div className="space-y-3" data-testid="photo-section">
      <div className="flex items-center gap-3">
        <Avatar name={name} photo={photo} />
        <p className="text-sm text-muted">{photo ? "Your photo." : "No photo: your initials are shown instead."} It appears beside your name where you host or organize.</p>
      </div>
      <PictureUpload endpoint="/api/me/photo" kind="photo" hasPicture={Boolean(photo)} label="Photo (optional)" />
    </div>
  );
}
