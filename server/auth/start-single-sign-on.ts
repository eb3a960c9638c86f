import "server-only";
import { Auth, raw, skipCSRFCheck } from "@auth/core";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { siteOrigin } from "@/server/request-origin";
import { authConfig } from "./config";
import { OIDC_PROVIDER_ID } from "./single-sign-on";

/**
 * Sends the person to the single sign-on provider, as next-auth's signIn() would, but addressed
 * to the site's own origin (server/request-origin.ts): the redirect URI Auth.js names for the
 * provider is made from it, and the callback route answers on the same origin
 * (server/api/auth-routes.ts), so the provider finds the two the same. signIn() would take the
 * origin from X-Forwarded-Host, which Next sets to the address it started on.
 */
export async function startSingleSignOn(callbackUrl: string): Promise<never> {
  const asked = new Headers(await headers());
  const origin = siteOrigin(asked, "http://localhost");
  asked.set("content-type", "application/x-www-form-urlencoded");
  const request = new Request(`${origin}/api/auth/signin/${OIDC_PROVIDER_ID}`, { method: "POST", headers: asked, body: new URLSearchParams({ callbackUrl }) });
  const answer = (await Auth(request, { ...authConfig, basePath: "/api/auth", raw, skipCSRFCheck })) as unknown as { redirect?: string; cookies?: { name: string; value: string; options: object }[] };
  const jar = await cookies();
  for (const c of answer.cookies ?? []) jar.set(c.name, c.value, c.options);
  redirect(answer.redirect ?? "/signin?sso=refused");
}
