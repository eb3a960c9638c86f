import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/*
 * A real OpenID Connect provider (the `oidc-provider` package) on 127.0.0.1, for the single
 * sign-on tests: discovery, its own login and consent pages (the package's development
 * interactions: any login name, any password), signed ID tokens, PKCE and nonce. Who can sign
 * in, and what it says about their email, is set per test in `people`.
 */

export interface ProviderPerson {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestProvider {
  /** The issuer identifier, e.g. http://127.0.0.1:40123/oidc. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The people it knows, by login name, which is also their subject identifier. */
  people: Map<string, ProviderPerson>;
  close: () => Promise<void>;
}

const MOUNT = "/oidc";

/** Cookies kept between requests to one site, as a browser would. */
export class CookieJar {
  private jar = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }
  header(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  get(name: string): string | undefined {
    return this.jar.get(name);
  }
  set(name: string, value: string | undefined): void {
    if (value === undefined) this.jar.delete(name);
    else this.jar.set(name, value);
  }
}

/**
 * Signs `login` in at the provider, starting from the authorization URL the hub sent the person
 * to: the provider's login form, then its consent form. Returns the URL the provider sends the
 * person back to (the hub's callback, with the code, state and iss).
 */
export async function signInAtProvider(authorizeUrl: string, login: string): Promise<string> {
  const jar = new CookieJar();
  let url = authorizeUrl;
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 12; step++) {
    const response = await fetch(url, { method: body ? "POST" : "GET", body, headers: { cookie: jar.header() }, redirect: "manual" });
    jar.take(response);
    body = undefined;
    const location = response.headers.get("location");
    if (location) {
      const next = new URL(location, url).href;
      if (!next.includes("/oidc/")) return next;
      url = next;
      continue;
    }
    const html = await response.text();
    const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1];
    if (!action) throw new Error(`the provider answered ${response.status} without a form: ${html.slice(0, 300)}`);
    url = new URL(action.replace(/&amp;/g, "&"), url).href;
    body = html.includes('name="login"') ? new URLSearchParams({ prompt: "login", login, password: "any" }) : new URLSearchParams({ prompt: "consent" });
  }
  throw new Error("the provider never sent the person back");
}

export async function startOidcProvider({ port = 0, redirectUris }: { port?: number; redirectUris: string[] }): Promise<TestProvider> {
  const people = new Map<string, ProviderPerson>();
  const clientId = "common-thread-test";
  const clientSecret = "a-client-secret-for-tests-only-0123456789";
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}${MOUNT}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: redirectUris, response_types: ["code"], grant_types: ["authorization_code"] }],
    // Email claims in the ID token itself, which is what the hub reads.
    conformIdTokenClaims: false,
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: ["test-cookie-key-0123456789"] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, sub) {
      return {
        accountId: sub,
        async claims() {
          return { sub, ...(people.get(sub) ?? {}) };
        },
      };
    },
  });
  // What the provider refused, and why, in the test's log (the hub only hears "an error in the response body").
  const on = provider.on.bind(provider) as (event: string, listener: (ctx: unknown, error: { message?: string; error_detail?: string }) => void) => void;
  for (const event of ["grant.error", "authorization.error", "server_error"]) {
    on(event, (ctx, error) => console.warn(`[oidc-provider] ${event}: ${error?.message ?? ""} (${error?.error_detail ?? ""}) ${JSON.stringify((ctx as { oidc?: { params?: unknown } })?.oidc?.params ?? {})}`));
  }
  const handle = provider.callback();
  server.on("request", (req, res) => {
    if (!req.url?.startsWith(MOUNT)) {
      res.statusCode = 404;
      return res.end();
    }
    (req as http.IncomingMessage & { originalUrl?: string }).originalUrl = req.url;
    req.url = req.url.slice(MOUNT.length) || "/";
    handle(req, res);
  });
  return {
    issuer,
    clientId,
    clientSecret,
    people,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
