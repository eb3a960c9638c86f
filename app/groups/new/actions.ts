"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createGroup } from "@/db/mutations/groups";
import { fail, invalid, type ActionResult } from "@/lib/action-result";
import { getViewer } from "@/lib/auth/session";
import { groupInputSchema } from "@/lib/validation/group";

export type GroupFormState = (ActionResult & { values?: Record<string, string> }) | null;

const FIELDS = ["name", "about", "agreements", "visibility", "joinPolicy", "neighbourhood"] as const;

/** Starts a group with the viewer as its owner, then opens it. */
export async function createGroupAction(_prev: GroupFormState, formData: FormData): Promise<GroupFormState> {
  const values = Object.fromEntries(FIELDS.map((k) => [k, String(formData.get(k) ?? "").slice(0, 6000)]));
  const parsed = groupInputSchema.safeParse(values);
  if (!parsed.success) return { ...invalid(parsed.error), values };
  const viewer = await getViewer();
  if (!viewer) return { ...fail("unauthenticated", "Your session has ended. Sign in again; what you typed is kept here."), values };
  const result = await createGroup(viewer, parsed.data);
  if (!result.ok) return { ...result, values };
  revalidatePath("/groups");
  redirect(`/groups/${result.data.slug}`);
}
