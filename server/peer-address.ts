import http from "node:http";

/** Set by the server on every request; read by server/client-address.ts. */
export const PEER_ADDRESS_HEADER = "x-common-thread-peer";

let installed = false;

/**
 * Stamps every request the server receives with the address of the socket it came on,
 * replacing any value a client sent under that header name. Called once at start-up
 * (instrumentation.ts), before the first request.
 */
export function recordPeerAddresses(): void {
  if (installed) return;
  installed = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_ADDRESS_HEADER] = req.socket?.remoteAddress ?? "";
    }
    return (emit as (this: http.Server, event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
  } as typeof emit;
}
