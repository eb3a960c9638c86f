import "./messages";

/**
 * Free text as it is kept, before any other rule reads it:
 * - NUL characters go. They are invisible, no person means to type them, and PostgreSQL
 *   refuses them in text.
 * - Line breaks become "\n". A browser sends a textarea's as CR LF, which would count twice
 *   against a limit the textarea itself counts once: a note the field accepted would be refused.
 */
export const plainText = (value: string): string => value.replace(/\u0000/g, "").replace(/\r\n?/g, "\n");
