import { describe, expect, it } from "vitest";
import { standingPlaceAction } from "@/app/activities/[id]/_components/standing-place-actions";
import { cancelActivityAction, updateActivityAction } from "@/app/activities/[id]/edit/actions";
import { createActivityAction } from "@/app/groups/[slug]/activities/new/actions";
import { removeTaskAction, updateTaskAction } from "@/app/projects/[id]/actions";

/*
 * Ids bound into server actions come back from the browser and can be altered. A value that
 * is not an id is answered as "not found" before anything else happens (no session is even
 * read), so it never reaches a query as a malformed uuid.
 */
describe("server actions given an altered id", () => {
  const form = (entries: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(entries)) data.set(k, v);
    return data;
  };
  const altered = ["x", "1 or 1=1", "00000000-0000-0000-0000-00000000000g", ""];

  it("answers not found, keeping what was typed in the activity form", async () => {
    for (const id of altered) {
      const typed = form({ title: "Kept title", kind: "walk" });
      const created = await createActivityAction(id, null, typed);
      expect(created).toMatchObject({ ok: false, code: "not_found" });
      expect(created?.values?.title).toBe("Kept title");
      expect(await updateActivityAction(id, null, typed)).toMatchObject({ ok: false, code: "not_found", values: { title: "Kept title" } });
      expect(await cancelActivityAction(id, null, form({ confirm: "yes", scope: "this" }))).toMatchObject({ ok: false, code: "not_found" });
      expect(await standingPlaceAction(id, id, null, form({ intent: "hold" }))).toMatchObject({ ok: false, code: "not_found" });
    }
  });

  it("answers not found for a task, keeping what was typed in the task editor", async () => {
    for (const id of altered) {
      expect(await updateTaskAction(id, null, form({ title: "Kept task", placesNeeded: "2", effort: "low" }))).toMatchObject({ ok: false, code: "not_found", values: { title: "Kept task", placesNeeded: "2" } });
      expect(await removeTaskAction(null, form({ taskId: id, confirm: "yes" }))).toMatchObject({ ok: false, code: "not_found" });
    }
  });
});
