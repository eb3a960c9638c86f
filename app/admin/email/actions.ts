"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { retryFailedEmail } from "@/db/mutations/email";
import { defineFormAction } from "@/server/action";

/** An admin sends a failed email again (after fixing the address or the mail server). */
export const retryEmailAction = defineFormAction({
  find: { id: z.uuid() },
  member: true,
  run: async (_input, viewer, { id }) => {
    if (!viewer.isAdmin) return;
    await retryFailedEmail(id);
    revalidatePath("/admin/email");
  },
});
