"use server";

import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { z } from "zod";
import { removePushSubscription, savePushChoices, savePushSubscription } from "@/db/mutations/push";
import { type ActionResult, fail } from "@/lib/action-result";
import { env, vapidKeys } from "@/lib/env";
import { translator } from "@/lib/i18n/catalog";
import { say } from "@/lib/i18n/said";
import { LOCALE_COOKIE, resolveLocale } from "@/lib/i18n/locales";
import { describeDevice } from "@/lib/push/device";
import { pushChoicesSchema, pushSubscriptionSchema } from "@/lib/validation/push";
import { defineAction } from "@/server/action";
import type { Viewer } from "@/server/auth/session";

export type PushState = ActionResult<{ message: string; deviceId?: string }> | null;

/** The words of these answers, in the language the page is shown in. */
async function words(viewer: Viewer | null) {
  const [jar, request] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale({ setting: viewer?.locale, cookie: jar.get(LOCALE_COOKIE)?.value, acceptLanguage: request.get("accept-language") });
  return translator(locale, "push.actions");
}

/** A plain http:// push service is accepted only by test runs (vitest's, and the end-to-end server's), never by a real site. */
const allowPlainHttp = () => process.env.NODE_ENV !== "production" || env().E2E_TEST_HOOKS === "true";

const readJson = (value: FormDataEntryValue | null): unknown => {
  if (typeof value !== "string" || value.length > 5000) return null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
};

/** This browser's subscription (PushSubscription.toJSON(), as the page's button posts it), kept for the member. */
export const subscribePushAction = defineAction({
  read: (form) => readJson(form.get("subscription")),
  input: pushSubscriptionSchema(allowPlainHttp),
  invalid: () => fail("invalid_input", say("push.actions.badSubscription")),
  member: true,
  run: async (subscription, viewer): Promise<PushState> => {
    const t = await words(viewer);
    if (!vapidKeys()) return fail("closed", t("unavailable"));
    const device = describeDevice((await headers()).get("user-agent"));
    const saved = await savePushSubscription(viewer.id, { endpoint: subscription.endpoint, keys: subscription.keys, ...device });
    revalidatePath("/account/push");
    return { ok: true, data: { message: t("subscribed"), deviceId: saved.id } };
  },
});

/** Turns push off for one of the member's devices (this one, or another in their list). */
export const unsubscribePushAction = defineAction({
  find: { deviceId: z.uuid() },
  missing: () => say("push.actions.missing"),
  member: true,
  run: async (_input, viewer, { deviceId }): Promise<PushState> => {
    const t = await words(viewer);
    if (!(await removePushSubscription(viewer.id, deviceId))) return fail("not_found", t("missing"));
    revalidatePath("/account/push");
    return { ok: true, data: { message: t("removed") } };
  },
});

/** One device's kinds and its lock-screen choice. */
export const savePushChoicesAction = defineAction({
  find: { deviceId: z.uuid() },
  missing: () => say("push.actions.missing"),
  read: (form) => ({ kinds: form.getAll("kind"), showDetails: form.get("showDetails") === "on" }),
  input: pushChoicesSchema,
  invalid: () => fail("invalid_input", say("push.actions.chooseListedKinds")),
  member: true,
  run: async (choices, viewer, { deviceId }): Promise<PushState> => {
    const t = await words(viewer);
    if (!(await savePushChoices(viewer.id, deviceId, choices))) return fail("not_found", t("missing"));
    revalidatePath("/account/push");
    return { ok: true, data: { message: choices.kinds.length ? t("saved") : t("savedNone") } };
  },
});
