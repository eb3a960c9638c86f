import "server-only";
import type { Profile, User } from "next-auth";
import type { OIDCConfig } from "next-auth/providers";
import { signInWithProvider } from "@/db/mutations/sign-in-identities";
import { oidcSettings } from "@/lib/env";
import { emailSchema } from "@/lib/validation/auth";

/*
 * Single sign-on with an OpenID Connect provider, through Auth.js's own OIDC client: it finds
 * the provider by discovery, sends the person there with state, nonce and PKCE (kept in
 * short-lived encrypted cookies), and on the way back checks the state, swaps the code for
 * tokens, and checks the ID token's signature, issuer, audience, expiry and nonce. Whatever
 * fails is refused (Auth.js throws, logs through the logger in config.ts, and sends the person
 * to the sign-in page with an error). Only then does providerSignIn decide whose account it is.
 */

/** The provider id in Auth.js's routes: /api/auth/signin/oidc, /api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = "oidc";

/** Auth.js's provider for the configured OpenID Connect issuer; none when single sign-on is off. */
export function singleSignOnProvider(): OIDCConfig<Profile>[] {
  const settings = oidcSettings();
  if (!settings) return [];
  return [
    {
      id: OIDC_PROVIDER_ID,
      name: settings.name,
      type: "oidc",
      issuer: settings.issuer,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      checks: ["pkce", "state", "nonce"],
      authorization: { params: { scope: "openid email profile" } },
      profile: (profile) => ({ id: String(profile.sub), name: profile.name ?? null, email: profile.email ?? null }),
    },
  ];
}

/**
 * Auth.js's signIn callback for a single sign-on whose tokens checked out: the member it is for
 * (linked only by an email the provider has verified, or made new), written onto `user` so the
 * jwt callback issues the session exactly as for a password. A refusal sends the person back to
 * the sign-in page, which says why; it is logged.
 */
export async function providerSignIn(user: User, profile: Profile | undefined): Promise<true | string> {
  const settings = oidcSettings();
  if (!settings || !profile?.sub) return "/signin?sso=refused";
  const email = emailSchema.safeParse(profile.email);
  const result = await signInWithProvider({
    issuer: typeof profile.iss === "string" ? profile.iss : settings.issuer,
    subject: String(profile.sub),
    email: email.success ? email.data : null,
    emailVerified: profile.email_verified === true,
    name: typeof profile.name === "string" ? profile.name : null,
  });
  if (!result.ok) {
    console.warn(`[auth] single sign-on refused for subject ${String(profile.sub).slice(0, 80)}: ${result.reason}`);
    return `/signin?sso=${result.reason}`;
  }
  Object.assign(user, { id: result.user.id, name: result.user.name, email: result.user.email, sessionVersion: result.user.sessionVersion });
  return true;
}
