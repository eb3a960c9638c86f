import "server-only";
import { env } from "@/lib/env";
import { PEER_ADDRESS_HEADER } from "@/server/peer-address";

/*
 * Which address a request came from, for rate limits. X-Forwarded-For is only believed as
 * far as TRUST_PROXY says proxies in front of the hub write it: anything further left was
 * written by the client and could be anything, so a fresh made-up value never buys a fresh
 * allowance. Next's server does not hand the socket to route handlers, and only fills
 * X-Forwarded-For itself when the client sent none, so the server stamps every request
 * with its socket's address in PEER_ADDRESS_HEADER (server/peer-address.ts), overwriting
 * whatever a client sent under that name.
 */

export { PEER_ADDRESS_HEADER };

/**
 * The client's address: the socket's when no proxy is trusted; with N trusted proxies, the
 * entry N places left of the socket in the chain X-Forwarded-For + socket.
 */
export function clientAddress(headers: Headers, trustedHops: number = env().TRUST_PROXY): string {
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim() || "unknown";
  if (trustedHops <= 0) return peer;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  chain.push(peer);
  return chain[Math.max(0, chain.length - 1 - trustedHops)];
}
