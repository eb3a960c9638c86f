import { z } from "zod";
import { PUSH_KINDS } from "@/lib/push/kinds";

/*
 * What a browser hands over when it subscribes (PushSubscription.toJSON()), and a device's
 * choices. The endpoint is where the hub will later send, so it must be a push service's
 * https:// address; plain http:// is accepted only where `allowPlainHttp` says (test runs
 * against a local push service), never on a real site.
 */

const base64url = (min: number, max: number) => z.string().min(min).max(max).regex(/^[A-Za-z0-9_-]+={0,2}$/);

export function pushSubscriptionSchema(allowPlainHttp: () => boolean) {
  return z.object({
    endpoint: z
      .url()
      .max(2000)
      .refine((u) => u.startsWith("https://") || (u.startsWith("http://") && allowPlainHttp()), "must be a push service's https:// address"),
    expirationTime: z.number().nullable().optional(),
    keys: z.object({
      // An uncompressed P-256 point (65 bytes) and a 16-byte secret, in base64url.
      p256dh: base64url(86, 90),
      auth: base64url(16, 24),
    }),
  });
}

export type PushSubscriptionInput = z.output<ReturnType<typeof pushSubscriptionSchema>>;

export const pushChoicesSchema = z.object({
  kinds: z.array(z.enum(PUSH_KINDS)).max(PUSH_KINDS.length),
  showDetails: z.boolean(),
});
