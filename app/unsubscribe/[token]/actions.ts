"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { unsubscribeWithToken } from "@/db/mutations/email";
import { defineFormAction } from "@/server/action";

/**
 * The button on the unsubscribe page. No sign-in: the signed token is the authority, and it
 * can only turn off the one kind of email it names, for the one member it names.
 */
export const unsubscribeAction = defineFormAction({
  find: { token: z.string().min(10).max(300) },
  refused: () => redirect("/unsubscribe/invalid"),
  run: async (_input, _viewer, { token }) => {
    if (!(await unsubscribeWithToken(token))) redirect("/unsubscribe/invalid");
    redirect(`/unsubscribe/${encodeURIComponent(token)}?done=1`);
  },
});
