import { Card } from "@/components/ui/card";
import { getCover } from "@/db/queries/uploads";
import { Cover } from "./cover";
import { PictureUpload } from "./picture-upload";

/** A cover (when there is one), and for the group's organizers the form that changes it. */
export async function CoverSection({ subject, id, canChange }: { subject: "activities" | "groups" | "projects"; id: string; canChange: boolean }) {
  const cover = await getCover(subject, id);
  return (
    <>
      {cover ? <Cover picture={cover} /> : null}
      {canChange ? (
        <Card>
          <details>
            <summary className="cursor-pointer font-medium">{cover ? "Change the cover picture" : "Add a cover picture"}</summary>
            <div className="mt-3">
              <PictureUpload endpoint={`/api/covers/${subject}/${id}`} kind="cover" hasPicture={Boolean(cover)} label="Cover picture" />
            </div>
          </details>
        </Card>
      ) : null}
    </>
  );
}
