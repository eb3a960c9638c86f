import { NextResponse } from "next/server";
import { z } from "zod";
import { unsubscribeWithToken } from "@/db/mutations/email";
import { apiError } from "@/server/api/http";
import { apiRoute } from "@/server/api/route";
import { EMAIL_TYPES } from "@/lib/email/types";
import { say } from "@/lib/i18n/said";

export const dynamic = "force-dynamic";

const params = z.object({ token: z.string().describe("The signed token from the email's List-Unsubscribe header.") });

/**
 * POST /api/unsubscribe/:token — the RFC 8058 one-click unsubscribe that mail apps call from
 * the List-Unsubscribe header (body `List-Unsubscribe=One-Click`, a form, which this reads
 * no further). No sign-in: the signed token names the member and the kind of email. A forged
 * or altered token is a 404.
 */
export const POST = apiRoute({
  summary: "One-click unsubscribe (RFC 8058)",
  description: "What mail apps call from an email's List-Unsubscribe header; its body (`List-Unsubscribe=One-Click`) is not read. A forged or altered token is a 404.",
  caller: "none",
  params,
  responses: { 200: z.object({ unsubscribed: z.enum(Object.keys(EMAIL_TYPES) as [keyof typeof EMAIL_TYPES]), message: z.string() }) },
  errors: [404],
  async handler({ params }) {
    const done = await unsubscribeWithToken(params.token);
    if (!done) return apiError("not_found", say("errors.routes.unsubscribe.invalid"));
    return NextResponse.json({ unsubscribed: done.type, message: say("errors.routes.unsubscribe.done", { kind: say(`links.unsubscribe.kinds.${done.type}`) }) });
  },
});

/**
 * A person opening the header's link in a browser gets the page with the button. A token with
 * a broken character (half of a surrogate pair) cannot be percent-encoded as it is; it is made
 * well-formed first, and the page then says the link isn't valid.
 */
export const GET = apiRoute({
  summary: "The unsubscribe page, for a person who opens the link",
  caller: "none",
  params,
  responses: { 303: { description: "To the page with the button.", headers: { Location: "/unsubscribe/{token}" } } },
  handler: async ({ request, params }) => NextResponse.redirect(new URL(`/unsubscribe/${encodeURIComponent(params.token.toWellFormed())}`, request.url), 303),
});
