"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { unsubscribeWithToken } from "@/db/mutations/email";
import { isFormData } from "@/lib/action-result";

const tokenSchema = z.string().min(10).max(300);

/**
 * The button on the unsubscribe page. No sign-in: the signed token is the authority, and it
 * can only turn off the one kind of email it names, for the one member it names.
 */
export async function unsubscribeAction(formData: FormData): Promise<void> {
  if (!isFormData(formData)) redirect("/unsubscribe/invalid");
  const token = tokenSchema.safeParse(formData.get("token"));
  if (!token.success || !(await unsubscribeWithToken(token.data))) redirect("/unsubscribe/invalid");
  redirect(`/unsubscribe/${encodeURIComponent(token.data)}?done=1`);
}
