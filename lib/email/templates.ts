import type { EmailType } from "./types";

/*
 * One template per kind of email: a subject, a few lines of text and one link, rendered as
 * plain text and as simple HTML from the same parts so the two never disagree. Every link is
 * absolute (the site's origin is passed in), because an email is read away from the site.
 */

/** What a notice-based email carries: the in-app notice's words and where it leads. */
export interface NoticeEmailData {
  title: string;
  body: string;
  /** A same-site path such as `/activities/<id>`. */
  href?: string | null;
  /** Further one-click links (the reminder's "Yes, I'm coming" and "Free my place"), full addresses. */
  links?: { label: string; url: string }[];
  /** Why this member got it, when the kind's usual reason does not fit (a message to one list of an activity or group). */
  why?: string;
  /** The button's words, when the kind's usual words do not fit. */
  label?: string;
}

export interface PasswordResetEmailData {
  /** The full reset link. */
  url: string;
  expiresInMinutes: number;
}

/** An email to a guest: what happened, and the one link (to confirm, or to see and change the RSVP). */
export interface GuestEmailData {
  title: string;
  lines: string[];
  /** The full link (it carries the guest's private token). */
  url: string;
  label: string;
  why: string;
}

/** A single-use link about the account (confirm the email, sign in): the full link and how long it works. */
export type AccountLinkEmailData = PasswordResetEmailData;

export type EmailData<T extends EmailType> = T extends "password_reset" | "email_verification" | "sign_in_link"
  ? AccountLinkEmailData
  : T extends "guest_confirm" | "guest_notice"
    ? GuestEmailData
    : NoticeEmailData;

/** Kinds about the account itself, or a guest's RSVP, not an activity notice. */
type AccountEmailType = "password_reset" | "password_changed" | "email_verification" | "sign_in_link" | "guest_confirm" | "guest_notice";

export interface RenderContext {
  siteName: string;
  origin: string;
  recipientName: string | null;
  /** The one-click unsubscribe page for this kind; null for kinds that cannot be turned off. */
  unsubscribeUrl: string | null;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

interface Parts {
  subject: string;
  lines: string[];
  action?: { label: string; url: string };
  /** Links offered before the main one. */
  choices?: { label: string; url: string }[];
  why: string;
}

const absolute = (origin: string, href: string | null | undefined) =>
  href && href.startsWith("/") && !href.startsWith("//") ? `${origin}${href}` : `${origin}/notifications`;

function noticeParts(type: Exclude<EmailType, AccountEmailType>, d: NoticeEmailData, origin: string): Parts {
  const url = absolute(origin, d.href);
  const lines = d.body ? [d.body] : [];
  switch (type) {
    case "waitlist_promoted":
      return { subject: d.title, lines, action: { label: "See the activity", url }, why: "you were on the waitlist for this activity" };
    case "activity_changed":
      return { subject: d.title, lines, action: { label: "See the new details", url }, why: "you're going to this activity" };
    case "activity_cancelled":
      return { subject: d.title, lines: [...lines, "We're sorry it won't go ahead. There may be something else on that fits."], action: { label: "See what else is on", url }, why: "you were going to this activity" };
    case "organizer_message":
      return { subject: d.title, lines, action: { label: d.label ?? "Open the activity", url }, why: d.why ?? "you're going to this activity and its organizers wrote to everyone going" };
    case "question_asked":
      return { subject: d.title, lines: [...lines, "The question itself is on the hub, where only the group's organizers and the member who asked can read it."], action: { label: "Read and reply", url }, why: "you organize this group and its members can ask its organizers questions" };
    case "question_answered":
      return { subject: d.title, lines: [...lines, "The reply is on the hub, where only you and the group's organizers can read it."], action: { label: "Read the reply", url }, why: "you asked this group's organizers a question" };
    case "reminder":
      return d.links?.length
        ? {
            subject: d.title,
            lines: [...lines, "Still coming? One click tells the organizers. If you can't make it any more, freeing your place lets the next person waiting come."],
            choices: d.links,
            action: { label: "See the details", url },
            why: "you're going to this activity",
          }
        : { subject: d.title, lines: [...lines, "If you can't make it any more, changing your RSVP lets someone else come."], action: { label: "See the details", url }, why: "you're going to this activity" };
  }
}

function partsFor<T extends EmailType>(type: T, data: EmailData<T>, ctx: RenderContext): Parts {
  if (type === "password_reset") {
    const d = data as PasswordResetEmailData;
    return {
      subject: `Reset your ${ctx.siteName} password`,
      lines: [`Someone (we hope you) asked to reset the password for this address. The link works once, for ${d.expiresInMinutes} minutes.`, "If it wasn't you, you can ignore this email; nothing changes."],
      action: { label: "Choose a new password", url: d.url },
      why: "a password reset was asked for with this address",
    };
  }
  if (type === "guest_confirm" || type === "guest_notice") {
    const d = data as GuestEmailData;
    return { subject: d.title, lines: d.lines, action: { label: d.label, url: d.url }, why: d.why };
  }
  if (type === "email_verification") {
    const d = data as AccountLinkEmailData;
    return {
      subject: `Confirm your email for ${ctx.siteName}`,
      lines: [
        `Welcome! Please confirm this is your email, so we can send you reminders and news about what you join. The link works once, for ${Math.round(d.expiresInMinutes / 60)} hours.`,
        "If you didn't make an account with us, you can ignore this email: nothing more will be sent.",
      ],
      action: { label: "Confirm my email", url: d.url },
      why: "an account was made with this address",
    };
  }
  if (type === "sign_in_link") {
    const d = data as AccountLinkEmailData;
    return {
      subject: `Your link to sign in to ${ctx.siteName}`,
      lines: [`Here is the link you asked for to sign in. It works once, for ${d.expiresInMinutes} minutes.`, "If you didn't ask for it, you can ignore this email; nobody can sign in without it."],
      action: { label: "Sign me in", url: d.url },
      why: "a sign-in link was asked for with this address",
    };
  }
  if (type === "password_changed") {
    return {
      subject: `Your ${ctx.siteName} password was changed`,
      lines: [
        "The password for your account was just changed, and every other device and API token signed in with the old one was signed out.",
        "If that was you, there is nothing more to do. If it wasn't, reset your password now with the link below and tell us through the help page.",
      ],
      action: { label: "Reset my password", url: `${ctx.origin}/forgot-password` },
      why: "your account's password was changed",
    };
  }
  return noticeParts(type as Exclude<EmailType, AccountEmailType>, data as NoticeEmailData, ctx.origin);
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Renders one email of `type`: subject, plain text and HTML. */
export function renderEmail<T extends EmailType>(type: T, data: EmailData<T>, ctx: RenderContext): RenderedEmail {
  const p = partsFor(type, data, ctx);
  const greeting = ctx.recipientName ? `Hello ${ctx.recipientName},` : "Hello,";
  const footer = [`You're getting this from ${ctx.siteName} because ${p.why}.`];
  const prefs = `${ctx.origin}/account#email`;
  const text = [
    greeting,
    "",
    ...p.lines.flatMap((l) => [l, ""]),
    ...(p.choices ?? []).flatMap((c) => [`${c.label}: ${c.url}`, ""]),
    ...(p.action ? [`${p.action.label}: ${p.action.url}`, ""] : []),
    "-- ",
    ...footer,
    ...(ctx.unsubscribeUrl ? [`Stop these emails: ${ctx.unsubscribeUrl}`, `Choose which emails you get: ${prefs}`] : []),
  ].join("\n");
  const html = [
    `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2933;max-width:36rem">`,
    `<p>${escapeHtml(greeting)}</p>`,
    ...p.lines.map((l) => `<p style="white-space:pre-line">${escapeHtml(l)}</p>`),
    ...(p.choices?.length ? [`<p>${p.choices.map((c) => `<a href="${escapeHtml(c.url)}" style="color:#1d4ed8">${escapeHtml(c.label)}</a>`).join(" · ")}</p>`] : []),
    ...(p.action ? [`<p><a href="${escapeHtml(p.action.url)}" style="color:#1d4ed8">${escapeHtml(p.action.label)}</a></p>`] : []),
    `<hr style="border:none;border-top:1px solid #ccc">`,
    `<p style="font-size:0.875rem;color:#52606d">${escapeHtml(footer[0])}`,
    ...(ctx.unsubscribeUrl
      ? [`<br><a href="${escapeHtml(ctx.unsubscribeUrl)}">Stop these emails</a> · <a href="${escapeHtml(prefs)}">Choose which emails you get</a>`]
      : []),
    `</p></body></html>`,
  ].join("\n");
  return { subject: p.subject.replace(/[\r\n]+/g, " ").slice(0, 200), text, html };
}
