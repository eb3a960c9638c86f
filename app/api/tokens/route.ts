import { NextResponse } from "next/server";
import { z } from "zod";
import { createApiToken, revokeApiToken } from "@/db/mutations/api-tokens";
import { listApiTokens } from "@/db/queries/api-tokens";
import { resolveApiCaller } from "@/server/api/auth";
import { apiError, apiZodError, guarded, readJson, tooMany } from "@/server/api/http";
import { memberLimitMessage, signInLimitMessage } from "@/lib/rate-limits";
import { limitMember } from "@/db/mutations/rate-limits";
import { checkCredentials } from "@/server/auth/credentials";
import { clientAddress } from "@/server/client-address";
import { tokenRequestSchema } from "@/lib/validation/rsvp";

export const dynamic = "force-dynamic";

const SIGN_IN = "Sign in, or send a personal access token as 'Authorization: Bearer <token>'.";

/**
 * POST /api/tokens {"email", "password", "name"?} — creates a personal access token. The
 * token is in this answer only; we keep just its hash.
 */
export async function POST(request: Request) {
  return guarded(async () => {
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = tokenRequestSchema.safeParse(body.value);
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    const checked = await checkCredentials({ email: parsed.data.email, password: parsed.data.password }, clientAddress(request.headers));
    if (!checked.ok && checked.reason === "rate_limited") {
      return apiError("rate_limited", signInLimitMessage(checked.limit, checked.retryAfterSeconds), undefined, {
        "Retry-After": String(checked.retryAfterSeconds),
      });
    }
    if (!checked.ok) return apiError("unauthenticated", "That email and password don't match an account.");
    const limit = await limitMember("apiTokenMember", checked.user.id);
    if (!limit.allowed) return tooMany(memberLimitMessage("apiTokenMember", limit.retryAfterSeconds), limit.retryAfterSeconds);
    const created = await createApiToken(checked.user.id, parsed.data.name);
    return NextResponse.json(
      { token: created.token, id: created.id, name: created.name, createdAt: created.createdAt.toISOString() },
      { status: 201, headers: { "Cache-Control": "no-store" } },
    );
  });
}

/** GET /api/tokens — the caller's tokens (names and dates, never the tokens themselves). */
export async function GET(request: Request) {
  return guarded(async () => {
    const caller = await resolveApiCaller(request);
    if (!caller) return apiError("unauthenticated", SIGN_IN);
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
  });
}

const revokeSchema = z.object({ id: z.uuid({ error: "id must be a token id." }) }, { error: "Send a JSON object." });

/** DELETE /api/tokens {"id"} — revokes one of the caller's tokens at once. */
export async function DELETE(request: Request) {
  return guarded(async () => {
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const parsed = revokeSchema.safeParse(body.value);
    if (!parsed.success) return apiZodError("invalid_body", parsed.error);
    const caller = await resolveApiCaller(request);
    if (!caller) return apiError("unauthenticated", SIGN_IN);
    if (!(await revokeApiToken(caller.id, parsed.data.id))) return apiError("not_found", "You have no active token with that id.");
    return NextResponse.json({ revoked: parsed.data.id });
  });
}
