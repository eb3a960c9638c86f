import { translator } from "@/lib/i18n/catalog";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import type { EmailType } from "./types";

/*
 * One template per kind of email: a subject, a few lines of text and one link, rendered as
 * plain text and as simple HTML from the same parts so the two never disagree. Every link is
 * absolute (the site's origin is passed in), because an email is read away from the site.
 * The words around what a notice says come from messages/<locale>/email.json, in the reader's language.
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
  /** The reader's language (English when not given). */
  locale?: Locale;
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

type T = (key: string, values?: Record<string, string | number>) => string;

function noticeParts(type: Exclude<EmailType, AccountEmailType>, d: NoticeEmailData, origin: string, t: T): Parts {
  const url = absolute(origin, d.href);
  const lines = d.body ? [d.body] : [];
  switch (type) {
    case "waitlist_promoted":
      return { subject: d.title, lines, action: { label: t("notice.waitlistPromoted.label"), url }, why: t("notice.waitlistPromoted.why") };
    case "activity_changed":
      return { subject: d.title, lines, action: { label: t("notice.activityChanged.label"), url }, why: t("notice.activityChanged.why") };
    case "activity_cancelled":
      return { subject: d.title, lines: [...lines, t("notice.activityCancelled.line")], action: { label: t("notice.activityCancelled.label"), url }, why: t("notice.activityCancelled.why") };
    case "organizer_message":
      return { subject: d.title, lines, action: { label: d.label ?? t("notice.organizerMessage.label"), url }, why: d.why ?? t("notice.organizerMessage.why") };
    case "question_asked":
      return { subject: d.title, lines: [...lines, t("notice.questionAsked.line")], action: { label: t("notice.questionAsked.label"), url }, why: t("notice.questionAsked.why") };
    case "question_answered":
      return { subject: d.title, lines: [...lines, t("notice.questionAnswered.line")], action: { label: t("notice.questionAnswered.label"), url }, why: t("notice.questionAnswered.why") };
    case "reminder":
      return d.links?.length
        ? {
            subject: d.title,
            lines: [...lines, t("notice.reminder.stillComing")],
            choices: d.links,
            action: { label: t("notice.reminder.label"), url },
            why: t("notice.reminder.why"),
          }
        : { subject: d.title, lines: [...lines, t("notice.reminder.changeRsvp")], action: { label: t("notice.reminder.label"), url }, why: t("notice.reminder.why") };
  }
}

function partsFor<K extends EmailType>(type: K, data: EmailData<K>, ctx: RenderContext, t: T): Parts {
  const siteName = ctx.siteName;
  if (type === "password_reset") {
    const d = data as PasswordResetEmailData;
    return {
      subject: t("passwordReset.subject", { siteName }),
      lines: [t("passwordReset.line", { minutes: d.expiresInMinutes }), t("passwordReset.ignore")],
      action: { label: t("passwordReset.label"), url: d.url },
      why: t("passwordReset.why"),
    };
  }
  if (type === "guest_confirm" || type === "guest_notice") {
    const d = data as GuestEmailData;
    return { subject: d.title, lines: d.lines, action: { label: d.label, url: d.url }, why: d.why };
  }
  if (type === "email_verification") {
    const d = data as AccountLinkEmailData;
    return {
      subject: t("emailVerification.subject", { siteName }),
      lines: [t("emailVerification.line", { hours: Math.round(d.expiresInMinutes / 60) }), t("emailVerification.ignore")],
      action: { label: t("emailVerification.label"), url: d.url },
      why: t("emailVerification.why"),
    };
  }
  if (type === "sign_in_link") {
    const d = data as AccountLinkEmailData;
    return {
      subject: t("signInLink.subject", { siteName }),
      lines: [t("signInLink.line", { minutes: d.expiresInMinutes }), t("signInLink.ignore")],
      action: { label: t("signInLink.label"), url: d.url },
      why: t("signInLink.why"),
    };
  }
  if (type === "password_changed") {
    return {
      subject: t("passwordChanged.subject", { siteName }),
      lines: [t("passwordChanged.line"), t("passwordChanged.ifNotYou")],
      action: { label: t("passwordChanged.label"), url: `${ctx.origin}/forgot-password` },
      why: t("passwordChanged.why"),
    };
  }
  return noticeParts(type as Exclude<EmailType, AccountEmailType>, data as NoticeEmailData, ctx.origin, t);
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Renders one email of `type`: subject, plain text and HTML. */
export function renderEmail<K extends EmailType>(type: K, data: EmailData<K>, ctx: RenderContext): RenderedEmail {
  const t = translator(ctx.locale ?? DEFAULT_LOCALE, "email");
  const p = partsFor(type, data, ctx, t);
  const greeting = ctx.recipientName ? t("greeting", { name: ctx.recipientName }) : t("greetingNoName");
  const footer = [t("footer", { siteName: ctx.siteName, why: p.why })];
  const stop = t("stop");
  const choose = t("choose");
  const prefs = `${ctx.origin}/account#email`;
  const text = [
    greeting,
    "",
    ...p.lines.flatMap((l) => [l, ""]),
    ...(p.choices ?? []).flatMap((c) => [`${c.label}: ${c.url}`, ""]),
    ...(p.action ? [`${p.action.label}: ${p.action.url}`, ""] : []),
    "-- ",
    ...footer,
    ...(ctx.unsubscribeUrl ? [`${stop}: ${ctx.unsubscribeUrl}`, `${choose}: ${prefs}`] : []),
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
      ? [`<br><a href="${escapeHtml(ctx.unsubscribeUrl)}">${escapeHtml(stop)}</a> · <a href="${escapeHtml(prefs)}">${escapeHtml(choose)}</a>`]
      : []),
    `</p></body></html>`,
  ].join("\n");
  return { subject: p.subject.replace(/[\r\n]+/g, " ").slice(0, 200), text, html };
}
