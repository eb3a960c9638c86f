"use server";

import { redirect } from "next/navigation";
import { requestWords } from "@/server/request-locale";
import { guestRsvpsOnAppDb } from "@/db/mutations/guest-rsvps";
import { type ActionResult, fail } from "@/lib/action-result";
import { guestLinkToken, guestManagePath } from "@/lib/guest-links";
import { guestRenameSchema, guestTokenSchema } from "@/lib/validation/guest-rsvp";
import { defineAction } from "@/server/action";
import { say } from "@/lib/i18n/said";

export type GuestLinkState = ActionResult<{ message: string }> | null;

const BROKEN = () => say("errors.action.guestLinkBroken");
const refusal = (result: { code: string; message: string }) => fail(result.code === "try_again" ? "try_again" : result.code === "expired" ? "not_found" : "closed", result.message);

/** Confirms a held place: a POST from the confirmation page's button, never the link's GET. */
export const confirmGuestRsvpAction = defineAction({
  find: { token: guestTokenSchema },
  missing: BROKEN,
  run: async (_input, _viewer, { token }): Promise<GuestLinkState> => {
    const result = await guestRsvpsOnAppDb.confirm(token);
    if (!result.ok) return refusal(result);
    redirect(`${guestManagePath(guestLinkToken("manage", result.manageToken.id, result.manageToken.nonce))}?done=confirmed`);
  },
});

/** Cancels a confirmed guest's RSVP from its manage page; the place goes to the first in line. */
export const cancelGuestRsvpAction = defineAction({
  find: { token: guestTokenSchema },
  missing: BROKEN,
  run: async (_input, _viewer, { token }): Promise<GuestLinkState> => {
    const result = await guestRsvpsOnAppDb.cancel(token);
    if (!result.ok) return refusal(result);
    // The manage page has nothing left to show: the activity's page says it is done.
    redirect(`/activities/${result.activityId}?done=guest-cancelled`);
  },
});

/** Changes the first name the organizers see. */
export const renameGuestRsvpAction = defineAction({
  find: { token: guestTokenSchema },
  missing: BROKEN,
  read: (form) => ({ firstName: form.get("firstName") }),
  input: guestRenameSchema,
  run: async ({ firstName }, _viewer, { token }): Promise<GuestLinkState> => {
    const result = await guestRsvpsOnAppDb.rename(token, firstName);
    if (!result.ok) return refusal(result);
    return { ok: true, data: { message: (await requestWords("guest.answers"))("renamed", { firstName }) } };
  },
});
