import { z } from "zod";
import { plainText } from "./text";
import { say, words } from "@/lib/i18n/said";

export const emailSchema = z
  .string({ error: () => say("validation.auth.emailRequired") })
  .overwrite(plainText).trim()
  .toLowerCase()
  .min(1, words("validation.auth.emailRequired"))
  .max(254, words("validation.auth.emailTooLong"))
  .pipe(z.email({ error: () => say("validation.auth.emailFormat") }));

export const newPasswordSchema = z
  .string({ error: () => say("validation.auth.choosePassword") })
  .min(10, words("validation.auth.passwordShort"))
  .max(200, words("validation.auth.passwordLong"));

export const signUpSchema = z.object({
  name: z
    .string({ error: () => say("validation.auth.nameRequired") })
    .overwrite(plainText).trim()
    .min(1, words("validation.auth.nameRequired"))
    .max(80, words("validation.auth.nameLong")),
  email: emailSchema,
  password: newPasswordSchema,
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: () => say("validation.auth.passwordRequired") }).min(1, words("validation.auth.passwordRequired")).max(200, words("validation.auth.passwordTooLong")),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
export type SignInInput = z.infer<typeof signInSchema>;

/**
 * Only same-site paths may be used as a place to return to after signing in. Control
 * characters are refused (a line break would break the redirect's Location header), and
 * other characters a header cannot carry are percent-encoded.
 */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) return "/";
  try {
    return value.replace(/[^\x21-\x7e]+/g, (run) => encodeURIComponent(run)).slice(0, 500);
  } catch {
    // A lone surrogate cannot be encoded: not a link anyone was given.
    return "/";
  }
}

/**
 * Where next-auth may send someone after signing in or out (its `redirect` callback): a path
 * on this site, kept as safeCallbackUrl keeps it, or an address on this site's own origin.
 * Anything else, an address that is not one at all ("foo", "http//x") included, is quietly
 * the home page: next-auth's own rule throws "Invalid URL" on those, logged on every request.
 */
export function sameSiteRedirect(url: string, baseUrl: string): string {
  if (url.startsWith("/")) return `${baseUrl}${safeCallbackUrl(url)}`;
  try {
    const parsed = new URL(url);
    if (parsed.origin === baseUrl) return `${baseUrl}${safeCallbackUrl(parsed.pathname + parsed.search + parsed.hash)}`;
  } catch {
    // Not an address: the home page.
  }
  return baseUrl;
}
