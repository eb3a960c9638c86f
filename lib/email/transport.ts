import "server-only";
import nodemailer from "nodemailer";
import { smtpSettings } from "../env";

/*
 * Where email goes. With SMTP_URL and MAIL_FROM set, through SMTP with nodemailer. Without
 * them, nowhere: the outbox row itself is the message, readable at /dev/mailbox, so trying
 * the hub needs no mail server.
 */

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
  attachments: { filename: string; content: string; contentType: string }[];
}

export interface MailTransport {
  kind: "smtp" | "mailbox";
  from: string;
  send: (email: OutgoingEmail) => Promise<void>;
  close?: () => void;
}

/** An SMTP transport for `url` (smtp:// or smtps://), sending as `from`. */
export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    kind: "smtp",
    from,
    send: async (email) => {
      await transporter.sendMail({
        from: email.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: email.messageId,
        headers: email.headers,
        attachments: email.attachments,
      });
    },
    close: () => transporter.close(),
  };
}

/** The dev mailbox: delivery is recording the row as sent; /dev/mailbox shows it. */
export const mailboxTransport: MailTransport = { kind: "mailbox", from: "Common Thread <mailbox@localhost>", send: async () => undefined };

/** The transport the settings ask for. */
export function configuredTransport(): MailTransport {
  const smtp = smtpSettings();
  return smtp ? smtpTransport(smtp.url, smtp.from) : mailboxTransport;
}
