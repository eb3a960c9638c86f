import { getTranslations } from "@/lib/i18n/translations";
import { Card } from "@/components/ui/card";
import { getCover, type Picture } from "@/db/queries/uploads";
import { Cover } from "./cover";
import { PictureUpload } from "./picture-upload";

/**
 * A cover (when there is one), and for the group's organizers the form that changes it. A page
 * that read the cover with its own data passes it (null for none); otherwise it is looked up.
 */
export async function CoverSection({ subject, id, canChange, cover: known }: { subject: "activities" | "groups" | "projects"; id: string; canChange: boolean; cover?: Picture | null }) {
  const cover = known === undefined ? await getCover(subject, id) : known;
  const t = await getTranslations("pictures.cover");
  return (
    <>
      {cover ? <Cover picture={cover} /> : null}
      {canChange ? (
        <Card>
          <details>
            <summary className="cursor-pointer font-medium">{cover ? t("change") : t("add")}</summary>
            <div className="mt-3">
              <PictureUpload endpoint={`/api/covers/${subject}/${id}`} kind="cover" hasPicture={Boolean(cover)} label={t("label")} />
            </div>
          </details>
        </Card>
      ) : null}
    </>
  );
}
