import { NextResponse } from "next/server";
import { unsubscribeWithToken } from "@/db/mutations/email";
import { apiError, guarded } from "@/server/api/http";
import { EMAIL_TYPES } from "@/lib/email/types";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ token: string }> };

/**
 * POST /api/unsubscribe/:token — the RFC 8058 one-click unsubscribe that mail apps call from
 * the List-Unsubscribe header (body `List-Unsubscribe=One-Click`). No sign-in: the signed
 * token names the member and the kind of email. A forged or altered token is a 404.
 */
export async function POST(_request: Request, { params }: Ctx) {
  return guarded(async () => {
    const done = await unsubscribeWithToken((await params).token);
    if (!done) return apiError("not_found", "This unsubscribe link isn't valid.");
    return NextResponse.json({ unsubscribed: done.type, message: `You won't get emails about: ${EMAIL_TYPES[done.type].label.toLowerCase()}.` });
  });
}

/**
 * A person opening the header's link in a browser gets the page with the button. A token with
 * a broken character (half of a surrogate pair) cannot be percent-encoded as it is; it is made
 * well-formed first, and the page then says the link isn't valid.
 */
export async function GET(request: Request, { params }: Ctx) {
  return guarded(async () => NextResponse.redirect(new URL(`/unsubscribe/${encodeURIComponent((await params).token.toWellFormed())}`, request.url), 303));
}
