import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { spendEmailLink, type LinkState } from "@/db/mutations/email-links";
import { endSessions } from "@/db/users";
import { clientAddress } from "@/server/client-address";
import { authSecret } from "@/lib/env";
import type { SignInLimit } from "@/lib/rate-limits";
import { sameSiteRedirect } from "@/lib/validation/auth";
import { checkCredentials } from "./credentials";
import { providerSignIn, singleSignOnProvider } from "./single-sign-on";
import { getRequestMember } from "./request-member";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string };
  }
}

/** Too many sign-in attempts (`limit` says of what); the form says so instead of "wrong password". */
export class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
  constructor(
    readonly retryAfterSeconds: number,
    readonly limit: SignInLimit,
  ) {
    super();
  }
}

/** The right password for a suspended account; the form says so, and why. */
export class AccountSuspended extends CredentialsSignin {
  code = "suspended";
  constructor(readonly why: string | null) {
    super();
  }
}

/** A sign-in link that cannot be used (`state` says why: used, expired, or not one of ours). */
export class SignInLinkRefused extends CredentialsSignin {
  code = "link_refused";
  constructor(readonly state: Exclude<LinkState, "valid">) {
    super();
  }
}

/*
 * Credentials sign-in, so sessions are JWTs in an httpOnly cookie. The token carries the
 * member's session version; a password change bumps it, and the jwt callback ends any
 * session whose version is stale (or whose account is suspended or deleted).
 */
export const authConfig: NextAuthConfig = {
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  // A refused single sign-on (a wrong state, nonce or issuer) lands back on the sign-in page, which says so.
  pages: { signIn: "/signin", error: "/signin" },
  // A wrong password is an expected outcome, shown to the person; it is not a server error.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      // A request without its CSRF token is the sender's mistake, answered with a 400: one line.
      if ((error as { type?: string }).type === "MissingCSRF") return console.warn(`[auth] ${error.message.split(".")[0]}.`);
      // Single sign-on asked for while it is not configured: refused, one line.
      if ((error as { type?: string }).type === "InvalidProvider" || error.message.startsWith("Provider with id")) return console.warn(`[auth] ${error.message.split(". Read more")[0]}`);
      // A single sign-on coming back with a wrong state, nonce, issuer or code is refused by Auth.js; say what failed.
      const type = (error as { type?: string }).type;
      if (type === "InvalidCheck" || type === "CallbackRouteError" || type === "OAuthCallbackError") {
        const cause = (error as { cause?: { err?: Error } }).cause?.err;
        return console.warn(`[auth] sign-in callback refused (${type}): ${(cause?.message ?? error.message).split(". Read more")[0]}`);
      }
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const checked = await checkCredentials(raw, clientAddress(request.headers));
        if (!checked.ok && checked.reason === "suspended") throw new AccountSuspended(checked.why);
        if (!checked.ok) throw checked.reason === "rate_limited" ? new TooManyAttempts(checked.retryAfterSeconds, checked.limit) : new CredentialsSignin();
        const user = checked.user;
        return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion } as never;
      },
    }),
    // A sign-in link from the email (db/mutations/email-links.ts): the token is the credential,
    // spent here, once. Auth.js's own email provider needs a database adapter and spends its
    // token on the GET of the link; see docs/security.md.
    Credentials({
      id: "email-link",
      name: "Email link",
      credentials: { token: {} },
      async authorize(raw) {
        const token = typeof raw?.token === "string" ? raw.token : "";
        const spent = await spendEmailLink(token, "sign_in");
        if (!spent.ok) throw new SignInLinkRefused(spent.state);
        const user = spent.user;
        return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion } as never;
      },
    }),
    // Single sign-on with OpenID Connect, only when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set.
    ...singleSignOnProvider(),
  ],
  events: {
    // Every way out ends the session everywhere, next-auth's own POST /api/auth/signout
    // included: moving the version on refuses any copy of the cookie from now on.
    async signOut(message) {
      const sub = "token" in message ? message.token?.sub : undefined;
      if (sub) await endSessions(sub);
    },
  },
  callbacks: {
    redirect: ({ url, baseUrl }) => sameSiteRedirect(url, baseUrl),
    // Credentials and email links have said yes in authorize; single sign-on decides here whose account it is.
    signIn: ({ user, account, profile }) => (account?.type === "oidc" ? providerSignIn(user, profile) : true),
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        return token;
      }
      if (!token.sub) return null;
      const current = await getRequestMember(token.sub);
      if (!current || current.suspendedAt || current.sessionVersion !== token.sv) return null;
      token.name = current.name;
      token.email = current.email;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user = { ...session.user, id: token.sub, name: token.name ?? "", email: token.email ?? "" };
      return session;
    },
  },
};

export const { handlers, auth, signIn, signOut } = NextAuth(authConfig);
