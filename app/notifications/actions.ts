"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { markAllNotificationsRead, markNotificationsRead } from "@/db/mutations/notifications";
import { isFormData } from "@/lib/action-result";
import { getViewer } from "@/server/auth/session";

const idSchema = z.uuid();

/** Marks one notification read (only the member's own; others' ids change nothing). */
export async function markNotificationReadAction(formData: FormData): Promise<void> {
  if (!isFormData(formData)) return;
  const id = idSchema.safeParse(formData.get("id"));
  const viewer = await getViewer();
  if (!id.success || !viewer) return;
  await markNotificationsRead(viewer.id, [id.data]);
  // The header's unread count is on every page, so the whole layout is refreshed.
  revalidatePath("/", "layout");
}

/** Marks all of the member's notifications read. */
export async function markAllNotificationsReadAction(): Promise<void> {
  const viewer = await getViewer();
  if (!viewer) return;
  await markAllNotificationsRead(viewer.id);
  // The header's unread count is on every page, so the whole layout is refreshed.
  revalidatePath("/", "layout");
}
