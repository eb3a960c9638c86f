import "server-only";
import { cache } from "react";
import { getMemberForRequest } from "@/db/users";

/**
 * The signed-in member's row, read once per request: the session check (server/auth/config.ts)
 * and the viewer (server/auth/session.ts) share it, with the unread count the header shows.
 * Outside a page render (route handlers, actions) React's cache does not hold, and each call reads.
 */
export const getRequestMember = cache(getMemberForRequest);
