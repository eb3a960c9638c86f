"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { retryFailedEmail } from "@/db/mutations/email";
import { isFormData } from "@/lib/action-result";
import { getViewer } from "@/server/auth/session";

const idSchema = z.uuid();

/** An admin sends a failed email again (after fixing the address or the mail server). */
export async function retryEmailAction(formData: FormData): Promise<void> {
  if (!isFormData(formData)) return;
  const viewer = await getViewer();
  if (!viewer?.isAdmin) return;
  const id = idSchema.safeParse(formData.get("id"));
  if (!id.success) return;
  await retryFailedEmail(id.data);
  revalidatePath("/admin/email");
}
