import type { CrisisLine } from "@/lib/crisis-lines";

const VERB: Record<CrisisLine["contacts"][number]["kind"], string> = { call: "call", text: "text", email: "email", web: "chat at" };

/** The crisis lines as links a phone can follow: tap a number to call it, a text line to write the message. */
export function CrisisLineList({ region, lines }: { region: string; lines: CrisisLine[] }) {
  return (
    <div className="prose-body">
      <p data-testid="crisis-region">
        Region: <strong>{region}</strong>. These lines answer there; elsewhere, call your local emergency number.
      </p>
      <ul>
        {lines.map((line) => (
          <li key={line.name} data-testid="crisis-line">
            <strong>{line.name}:</strong>{" "}
            {line.contacts.map((c, i) => (
              <span key={c.href}>
                {i > 0 ? " or " : ""}
                {VERB[c.kind]}{" "}
                <a href={c.href} className="font-semibold" {...(c.kind === "web" ? { rel: "noopener noreferrer" } : {})}>
                  {c.label}
                </a>
              </span>
            ))}
            {line.note ? ` — ${line.note}` : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
