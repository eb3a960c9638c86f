"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setListedAsGoing } from "@/db/mutations/account-privacy";
import { createApiToken, revokeApiToken } from "@/db/mutations/api-tokens";
import { type ActionResult, fail, invalid, isFormData, unreadableForm } from "@/lib/action-result";
import { getViewer } from "@/lib/auth/session";
import { limitMember, memberLimitMessage } from "@/lib/rate-limits";
import { createTokenSchema, privacySchema } from "@/lib/validation/rsvp";

export type PrivacyState = ActionResult<{ message: string }> | null;
export type TokenState = ActionResult<{ message: string; token?: string }> | null;

/** The "show my name on who's-going lists" choice. */
export async function updatePrivacyAction(_prev: PrivacyState, formData: FormData): Promise<PrivacyState> {
  if (!isFormData(formData)) return unreadableForm();
  const parsed = privacySchema.safeParse({ listedAsGoing: formData.get("listedAsGoing") ?? undefined });
  if (!parsed.success) return invalid(parsed.error);
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in first.");
  await setListedAsGoing(viewer.id, parsed.data.listedAsGoing);
  revalidatePath("/account");
  revalidatePath("/activities", "layout");
  return {
    ok: true,
    data: { message: parsed.data.listedAsGoing ? "Saved. Signed-in members can see your name on who's-going lists." : "Saved. Your name stays off who's-going lists; you're counted, not named." },
  };
}

/** Creates a personal access token; the token is returned once and never shown again. */
export async function createTokenAction(_prev: TokenState, formData: FormData): Promise<TokenState> {
  if (!isFormData(formData)) return unreadableForm();
  const parsed = createTokenSchema.safeParse({ name: formData.get("name") });
  if (!parsed.success) return invalid(parsed.error);
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in first.");
  const limit = await limitMember("apiTokenMember", viewer.id);
  if (!limit.allowed) return fail("rate_limited", memberLimitMessage("apiTokenMember", limit.retryAfterSeconds));
  const created = await createApiToken(viewer.id, parsed.data.name);
  revalidatePath("/account");
  return { ok: true, data: { message: `Token “${created.name}” created. Copy it now — it won't be shown again.`, token: created.token } };
}

const tokenIdSchema = z.uuid();

/** Revokes one of the member's tokens; it stops working at once. */
export async function revokeTokenAction(_prev: TokenState, formData: FormData): Promise<TokenState> {
  if (!isFormData(formData)) return unreadableForm();
  const id = tokenIdSchema.safeParse(formData.get("tokenId"));
  if (!id.success) return fail("not_found", "That token doesn't exist.");
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", "Please sign in first.");
  if (!(await revokeApiToken(viewer.id, id.data))) return fail("not_found", "That token is already revoked or doesn't exist.");
  revalidatePath("/account");
  return { ok: true, data: { message: "Token revoked. Anything using it has lost access." } };
}
