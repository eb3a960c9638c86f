/*
 * CSV as RFC 4180 describes it: CRLF between records, fields with a comma, quote or line
 * break wrapped in double quotes with inner quotes doubled. A cell a spreadsheet would
 * run as a formula (starting with = + - @ or a tab/CR) gets a leading apostrophe, so
 * a member's name can never become a formula on an organizer's computer.
 */
function cell(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: string[], rows: Array<Array<string | number | boolean | null | undefined>>): string {
  return [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
