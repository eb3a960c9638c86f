import { NextResponse } from "next/server";
import { z } from "zod";
import { createApiToken, revokeApiToken } from "@/db/mutations/api-tokens";
import { limitMember } from "@/db/mutations/rate-limits";
import { listApiTokens } from "@/db/queries/api-tokens";
import { instant } from "@/server/api/activity-json";
import { apiError, tooMany } from "@/server/api/http";
import { apiRoute } from "@/server/api/route";
import { checkCredentials } from "@/server/auth/credentials";
import { clientAddress } from "@/server/client-address";
import { memberLimitMessage, signInLimitMessage } from "@/lib/rate-limits";
import { tokenRequestSchema } from "@/lib/validation/rsvp";
import { say, words } from "@/lib/i18n/said";

export const dynamic = "force-dynamic";

/**
 * POST /api/tokens {"email", "password", "name"?} — creates a personal access token. The
 * token is in this answer only; we keep just its hash.
 */
export const POST = apiRoute({
  summary: "Get a personal access token",
  description: "With the member's email and password. The token is in this answer only: the hub keeps just its hash.",
  caller: "none",
  body: tokenRequestSchema,
  responses: {
    201: { description: "Created. Not to be stored by any cache.", schema: z.object({ token: z.string(), id: z.uuid(), name: z.string(), createdAt: instant }), headers: { "Cache-Control": "no-store" } },
  },
  errors: [401, 429],
  async handler({ request, body }) {
    const checked = await checkCredentials({ email: body.email, password: body.password }, clientAddress(request.headers));
    if (!checked.ok && checked.reason === "rate_limited") {
      return apiError("rate_limited", signInLimitMessage(checked.limit, checked.retryAfterSeconds), undefined, {
        "Retry-After": String(checked.retryAfterSeconds),
      });
    }
    if (!checked.ok) return apiError("unauthenticated", say("errors.routes.tokens.noMatch"));
    const limit = await limitMember("apiTokenMember", checked.user.id);
    if (!limit.allowed) return tooMany(memberLimitMessage("apiTokenMember", limit.retryAfterSeconds), limit.retryAfterSeconds);
    const created = await createApiToken(checked.user.id, body.name);
    return NextResponse.json(
      { token: created.token, id: created.id, name: created.name, createdAt: created.createdAt.toISOString() },
      { status: 201, headers: { "Cache-Control": "no-store" } },
    );
  },
});

/** GET /api/tokens — the caller's tokens (names and dates, never the tokens themselves). */
export const GET = apiRoute({
  summary: "My personal access tokens",
  description: "Names and dates, never the tokens themselves.",
  caller: "member",
  responses: {
    200: z.object({ tokens: z.array(z.object({ id: z.uuid(), name: z.string(), createdAt: instant, lastUsedAt: instant.nullable(), revokedAt: instant.nullable() })) }),
  },
  async handler({ caller }) {
    const tokens = await listApiTokens(caller.id);
    return NextResponse.json({
      tokens: tokens.map((t) => ({
        id: t.id,
        name: t.name,
        createdAt: t.createdAt.toISOString(),
        lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
        revokedAt: t.revokedAt?.toISOString() ?? null,
      })),
    });
  },
});

/** DELETE /api/tokens {"id"} — revokes one of the caller's tokens at once. */
export const DELETE = apiRoute({
  summary: "Revoke a personal access token",
  description: "At once: a request sending it is then unauthenticated.",
  caller: "member",
  body: z.object({ id: z.uuid(words("errors.routes.tokens.tokenId")) }, words("validation.rsvp.sendJsonObject")),
  responses: { 200: z.object({ revoked: z.uuid() }) },
  errors: [404],
  async handler({ caller, body }) {
    if (!(await revokeApiToken(caller.id, body.id))) return apiError("not_found", say("errors.routes.tokens.noToken"));
    return NextResponse.json({ revoked: body.id });
  },
});
