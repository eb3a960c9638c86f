import type { ReactNode } from "react";
import { syncTranslator } from "@/components/sync-translator";
import type { CrisisLine } from "@/lib/crisis-lines";
import type { UiLocale } from "@/lib/i18n/locales";

/** A texting line's word and number ("SHOUT to 85258"), read back from its sms: link, to be worded in the page's language. */
function textWord(c: CrisisLine["contacts"][number]): { word: string; number: string } | undefined {
  if (c.kind !== "text") return undefined;
  const body = new URLSearchParams(c.href.split("?")[1] ?? "").get("body");
  return body && c.label.startsWith(`${body} to `) ? { word: body, number: c.label.slice(body.length + " to ".length) } : undefined;
}

/**
 * The crisis lines as links a phone can follow: tap a number to call it, a text line to write the message.
 * The built-in lines' names and notes are the "help" catalog's; lines an operator set are shown as written.
 */
export function CrisisLineList({ region, lines, builtIn = false, locale = "en" }: { region: string; lines: CrisisLine[]; builtIn?: boolean; locale?: UiLocale }) {
  const t = syncTranslator(locale, "help");
  const known = (line: CrisisLine) => (builtIn && line.key ? line.key : undefined);
  return (
    <div className="prose-body">
      <p data-testid="crisis-region">{t.rich("region", { region: builtIn ? t("lines.region") : region, strong: (chunks: ReactNode) => <strong>{chunks}</strong> })}</p>
      <ul>
        {lines.map((line) => {
          const key = known(line);
          const note = key ? t(`lines.${key}.note`) : line.note;
          return (
            <li key={line.name} data-testid="crisis-line">
              <strong>{t("lineName", { name: key ? t(`lines.${key}.name`) : line.name })}</strong>{" "}
              {line.contacts.map((c, i) => {
                const texting = textWord(c);
                const label = texting ? t("textWord", texting) : c.label;
                return (
                  <span key={c.href}>
                    {t.rich(i > 0 ? "orContact" : "contact", {
                      kind: c.kind,
                      label,
                      link: (chunks: ReactNode) => (
                        <a href={c.href} className="font-semibold" {...(c.kind === "web" ? { rel: "noopener noreferrer" } : {})}>
                          {chunks}
                        </a>
                      ),
                    })}
                  </span>
                );
              })}
              {note ? t("note", { note }) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
