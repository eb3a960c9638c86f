"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { requestWords } from "@/server/request-locale";
import { z } from "zod";
import { countAttempt } from "@/db/mutations/rate-limits";
import { guestRsvpsOnAppDb } from "@/db/mutations/guest-rsvps";
import { type ActionResult, fail } from "@/lib/action-result";
import { filledInTime } from "@/lib/guest-links";
import { guestLimitMessage, RATE_LIMITS } from "@/lib/rate-limits";
import { guestRsvpFormSchema } from "@/lib/validation/guest-rsvp";
import { defineAction } from "@/server/action";
import { clientAddress } from "@/server/client-address";
import { say } from "@/lib/i18n/said";

export type GuestRsvpState = (ActionResult<{ message: string }> & { values?: { firstName: string; email: string } }) | null;

/**
 * A visitor's RSVP with a first name and an email. The hidden field and the minimum fill time
 * turn away simple bots (a filled hidden field is answered as if it worked, so a bot learns
 * nothing); then the limits per address and per email; then the RSVP rules decide the place.
 */
export const requestGuestRsvpAction = defineAction({
  find: { activityId: z.uuid() },
  missing: () => say("errors.action.activityMissing"),
  read: (form) => ({ firstName: form.get("firstName"), email: form.get("email"), website: form.get("website") ?? "", shownAt: form.get("shownAt") ?? "" }),
  input: guestRsvpFormSchema,
  keep: (raw) => ({ values: { firstName: typeof raw.firstName === "string" ? raw.firstName : "", email: typeof raw.email === "string" ? raw.email : "" } }),
  run: async ({ firstName, email, website, shownAt }, _viewer, { activityId }): Promise<GuestRsvpState> => {
    // Timed as it arrives, before anything else is read.
    const tooQuick = !filledInTime(shownAt);
    const t = await requestWords("activity.actions");
    const SENT = t("guestSent");
    if (website) return { ok: true, data: { message: SENT } };
    if (tooQuick) return { ...fail("try_again", t("guestTooQuick")), values: { firstName, email } };
    const address = clientAddress(await headers());
    for (const [limit, key, rule] of [
      ["address", `guest:address:${address}`, RATE_LIMITS.guestAddress],
      ["email", `guest:email:${email}`, RATE_LIMITS.guestEmail],
    ] as const) {
      const decision = await countAttempt(key, rule);
      if (!decision.allowed) return { ...fail("rate_limited", guestLimitMessage(limit, decision.retryAfterSeconds)), values: { firstName, email } };
    }
    const result = await guestRsvpsOnAppDb.request({ activityId, email, firstName });
    if (!result.ok) {
      const code = result.code === "not_found" ? "not_found" : result.code === "try_again" ? "try_again" : result.code === "guests_off" ? "forbidden" : "closed";
      return { ...fail(code, result.message), values: { firstName, email } };
    }
    revalidatePath(`/activities/${activityId}`);
    return { ok: true, data: { message: SENT } };
  },
});
