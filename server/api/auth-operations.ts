/*
 * next-auth's own endpoints, as the OpenAPI document lists them. They are next-auth's handlers
 * (app/api/auth/[...nextauth]/route.ts, wrapped by auth-routes.ts, which serves exactly these),
 * not operations of server/api/route.ts, so they are described here by hand. Members sign in
 * and out through the hub's pages; scripts use a personal access token instead.
 */

const redirect = (where: string) => ({ description: `A redirect ${where}.`, headers: { Location: { schema: { type: "string" } } } });
const error = (status: string) => ({ $ref: `#/components/responses/${status}` });
const form = (properties: Record<string, unknown>, required: string[]) => ({
  required: true,
  content: { "application/x-www-form-urlencoded": { schema: { type: "object", properties, required } } },
});
const csrfToken = { type: "string", description: "From GET /api/auth/csrf, sent with the cookie that came with it." };
const callbackUrl = { type: "string", description: "Where to go next: an address on this site, else the home page." };
const session = {
  anyOf: [
    { type: "null" },
    {
      type: "object",
      properties: { user: { type: "object", properties: { id: { type: "string" }, name: { type: "string" }, email: { type: "string" } } }, expires: { type: "string", format: "date-time" } },
    },
  ],
};

export const authOperations: Record<string, Record<string, Record<string, unknown>>> = {
  "/api/auth/session": {
    get: {
      summary: "The browser's session",
      description: "The signed-in member's session, or null.",
      security: [{}, { sessionCookie: [] }],
      responses: { 200: { description: "OK.", content: { "application/json": { schema: session } } }, 503: error("TryAgain") },
    },
    post: {
      summary: "Refresh the browser's session",
      security: [{ sessionCookie: [] }],
      requestBody: { required: true, content: { "application/json": { schema: { type: "object", properties: { csrfToken }, required: ["csrfToken"] } } } },
      responses: { 200: { description: "OK.", content: { "application/json": { schema: session } } }, 400: error("BadRequest"), 413: error("TooLarge"), 503: error("TryAgain") },
    },
  },
  "/api/auth/csrf": {
    get: {
      summary: "A CSRF token for signing in and out",
      security: [],
      responses: {
        200: { description: "OK, with the cookie the token belongs to.", content: { "application/json": { schema: { type: "object", properties: { csrfToken: { type: "string" } }, required: ["csrfToken"] } } } },
      },
    },
  },
  "/api/auth/providers": {
    get: {
      summary: "The ways to sign in",
      security: [],
      responses: { 200: { description: "OK.", content: { "application/json": { schema: { type: "object", additionalProperties: { type: "object" } } } } } },
    },
  },
  "/api/auth/signin": {
    get: { summary: "The sign-in page", security: [], parameters: [{ name: "callbackUrl", in: "query", schema: callbackUrl }], responses: { 302: redirect("to /signin") } },
  },
  "/api/auth/error": {
    get: { summary: "A sign-in that did not go through", security: [], responses: { 302: redirect("to /signin, saying so") } },
  },
  "/api/auth/callback/credentials": {
    post: {
      summary: "Sign in with email and password",
      security: [],
      requestBody: form({ email: { type: "string" }, password: { type: "string" }, csrfToken, callbackUrl }, ["email", "password", "csrfToken"]),
      responses: { 302: redirect("onwards, with the session cookie when the email and password match"), 400: error("BadRequest"), 413: error("TooLarge"), 503: error("TryAgain") },
    },
  },
  "/api/auth/signout": {
    post: {
      summary: "Sign out",
      description: "Ends the session everywhere it is open.",
      security: [{ sessionCookie: [] }],
      requestBody: form({ csrfToken, callbackUrl }, ["csrfToken"]),
      responses: { 302: redirect("onwards, the session cookie cleared"), 400: error("BadRequest"), 413: error("TooLarge"), 503: error("TryAgain") },
    },
  },
};

/** Where the single sign-on provider sends the person back; listed only while single sign-on is configured. */
export const singleSignOnCallback: Record<string, Record<string, Record<string, unknown>>> = {
  "/api/auth/callback/oidc": {
    get: {
      summary: "Back from single sign-on",
      description:
        "The OpenID Connect provider sends the person here with a code, the state and the issuer. Each is checked, with the nonce and PKCE kept in cookies when the sign-in started; a sign-in that does not check out, or whose email the provider has not verified, is refused and sent back to the sign-in page saying so.",
      security: [],
      parameters: [
        { name: "code", in: "query", schema: { type: "string" } },
        { name: "state", in: "query", schema: { type: "string" } },
        { name: "iss", in: "query", schema: { type: "string" } },
      ],
      responses: { 302: redirect("onwards with the session cookie, or to /signin saying why not") },
    },
  },
};

