import { SMTPServer } from "smtp-server";

/** A message as the SMTP server received it. */
export interface ReceivedMail {
  raw: string;
  headers: Map<string, string>;
  messageId: string;
  to: string[];
}

/** Unfolds and reads the header block of a raw message (names lower-cased). */
export function readHeaders(raw: string): Map<string, string> {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, " ");
  const map = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) map.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return map;
}

/** The decoded body of the first MIME part whose Content-Type starts with `type`. */
export function mimePart(raw: string, type: string): { headers: Map<string, string>; body: string } | null {
  const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  for (const part of parts) {
    const headers = readHeaders(part);
    if (!headers.get("content-type")?.toLowerCase().startsWith(type)) continue;
    const body = part.split(/\r?\n\r?\n/).slice(1).join("\r\n\r\n").replace(/\r?\n--[^\r\n]+--\s*$/, "");
    const encoding = headers.get("content-transfer-encoding")?.toLowerCase();
    if (encoding === "base64") return { headers, body: Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8") };
    if (encoding === "quoted-printable") {
      const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      return { headers, body: Buffer.from(bytes, "latin1").toString("utf8") };
    }
    return { headers, body };
  }
  return null;
}

/**
 * A real SMTP server on 127.0.0.1 (a free port) for tests. `onMessage` may return a promise
 * that never settles to hold the sender mid-send, or throw to refuse the message.
 */
export async function startSmtpServer(onMessage?: (mail: ReceivedMail) => Promise<void> | void): Promise<{ port: number; received: ReceivedMail[]; close: () => Promise<void> }> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const headers = readHeaders(raw);
        const mail = { raw, headers, messageId: headers.get("message-id") ?? "", to: session.envelope.rcptTo.map((r) => r.address) };
        Promise.resolve()
          .then(() => onMessage?.(mail))
          .then(
            () => {
              received.push(mail);
              callback();
            },
            (e: Error) => callback(Object.assign(new Error(e.message), { responseCode: 451 })),
          );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
