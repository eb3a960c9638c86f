import { z } from "zod";
import { plainText } from "./text";

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .overwrite(plainText).trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter an email address like name@example.com." }));

export const newPasswordSchema = z
  .string({ error: "Choose a password." })
  .min(10, "Use at least 10 characters for your password.")
  .max(200, "Use at most 200 characters for your password.");

export const signUpSchema = z.object({
  name: z
    .string({ error: "Tell us what to call you." })
    .overwrite(plainText).trim()
    .min(1, "Tell us what to call you.")
    .max(80, "Keep your name under 80 characters."),
  email: emailSchema,
  password: newPasswordSchema,
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200, "That password is too long."),
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
