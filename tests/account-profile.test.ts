import { describe, expect, it } from "vitest";
import { blockMember } from "@/db/mutations/blocks";
import { updateProfile } from "@/db/mutations/profile";
import { getMemberProfile } from "@/db/queries/blocks";
import { profileSchema } from "@/lib/validation/account";
import { makeUser } from "./helpers/factories";

describe("editing my profile", () => {
  it("explains each field that needs another look", () => {
    const errors = (input: Record<string, string>) => {
      const parsed = profileSchema.safeParse(input);
      return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    expect(errors({ name: "   ", bio: "", neighbourhood: "" })).toEqual({ name: "Tell us what to call you." });
    expect(errors({ name: "Ada", bio: "x".repeat(501), neighbourhood: "y".repeat(81) })).toEqual({
      bio: "Keep what you write about yourself under 500 characters.",
      neighbourhood: "Keep the neighbourhood under 80 characters.",
    });
    expect(profileSchema.parse({ name: "  Ada\u0000 ", bio: " Likes walks ", neighbourhood: "" })).toEqual({ name: "Ada", bio: "Likes walks", neighbourhood: "" });
  });

  it("shows the new name, bio and neighbourhood on my page to other signed-in members, but not across a block", async () => {
    const [me, other, blocked] = [await makeUser(), await makeUser(), await makeUser()];
    await updateProfile(me.id, profileSchema.parse({ name: "Ada Lovelace", bio: "Bird walks and soup.", neighbourhood: "Riverside" }));
    expect(await getMemberProfile(me.id, other.id)).toEqual({ id: me.id, name: "Ada Lovelace", bio: "Bird walks and soup.", neighbourhood: "Riverside" });
    await updateProfile(me.id, profileSchema.parse({ name: "Ada", bio: "", neighbourhood: "" }));
    expect(await getMemberProfile(me.id, other.id)).toEqual({ id: me.id, name: "Ada", bio: "", neighbourhood: null });
    await blockMember(me.id, blocked.id);
    expect(await getMemberProfile(me.id, blocked.id)).toBeUndefined();
  });
});
