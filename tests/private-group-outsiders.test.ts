import { describe, expect, it } from "vitest";
import { createActivity } from "@/db/mutations/activities";
import { changeMember } from "@/db/mutations/groups";
import { activityInputSchema, activityToFormValues } from "@/lib/validation/activity";
import { addMember, makeActivity, makeGroup, makeUser } from "./helpers/factories";

/*
 * To someone outside a private group, its id names nothing: the server actions (through
 * these mutations) answer exactly as for a group that does not exist, as the API does,
 * never "forbidden", which would confirm it is there.
 */
describe("a private group's id, used by an outsider", () => {
  it("is answered like a group that does not exist, by every organizer action", async () => {
    const [owner, outsider, other] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    const group = await makeGroup({ visibility: "private", inviteCode: `code-${crypto.randomUUID()}` });
    await addMember(group.id, owner.id, "owner");
    const template = await makeActivity(group.id, { placeName: "Library steps" });
    const input = activityInputSchema.parse({ ...activityToFormValues(template), title: "Posted by an outsider" });
    const missing = crypto.randomUUID();
    for (const actor of [outsider, other]) {
      const onMissing = await createActivity(actor, missing, input);
      const onPrivate = await createActivity(actor, group.id, input);
      expect(onPrivate).toEqual(onMissing);
      expect(onPrivate).toMatchObject({ ok: false, code: "not_found" });
      const changeOnMissing = await changeMember(actor, missing, owner.id, "ban");
      const changeOnPrivate = await changeMember(actor, group.id, owner.id, "ban");
      expect(changeOnPrivate).toEqual(changeOnMissing);
    }
  });

  it("a plain member of the private group is still told it is for organizers", async () => {
    const [owner, member] = await Promise.all([makeUser(), makeUser()]);
    const group = await makeGroup({ visibility: "private", inviteCode: `code-${crypto.randomUUID()}` });
    await addMember(group.id, owner.id, "owner");
    await addMember(group.id, member.id, "member");
    const template = await makeActivity(group.id, { placeName: "Library steps" });
    const input = activityInputSchema.parse({ ...activityToFormValues(template), title: "Posted by a member" });
    expect(await createActivity(member, group.id, input)).toMatchObject({ ok: false, code: "forbidden" });
  });
});
