import "./messages";

/**
 * Removes NUL characters. They are invisible, no person means to type them, and PostgreSQL
 * refuses them in text, so every free-text field drops them before anything else.
 */
export const withoutNul = (value: string): string => value.replace(/\u0000/g, "");
