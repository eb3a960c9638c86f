/*
 * CSV as RFC 4180 describes it: CRLF between records, fields with a comma, quote or line
 * break wrapped in double quotes with inner quotes doubled. A cell a spreadsheet would
 * run as a formula gets a leading apostrophe (OWASP's CSV-injection advice), so a member's
 * name can never become a formula on an organizer's computer: one starting with = + - @,
 * a tab or CR, and one where those come after leading separators or spaces, since a
 * spreadsheet set to split on ";" or "|" reads ";=1+1" as a formula in the second cell.
 */
const FORMULA = /^[\s,;|]*[=+\-@]|^[\t\r]/;

function cell(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (typeof value === "string" && FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: string[], rows: Array<Array<string | number | boolean | null | undefined>>): string {
  return [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
