/*
 * Error logs never carry a failed query's parameters: they hold what people typed, emails
 * and token hashes. Drizzle's query errors put them in the message and on `params`, and a
 * PostgreSQL error's `detail` repeats the values of a violated key; logs keep the statement,
 * the error's code and message, and the stack.
 */

type QueryError = Error & { query: string; params: unknown[] };

function isQueryError(value: unknown): value is QueryError {
  return value instanceof Error && typeof (value as Partial<QueryError>).query === "string" && "params" in value;
}

function databaseCause(cause: unknown): unknown {
  if (!(cause instanceof Error)) return cause;
  const { code, constraint, table, column, severity } = cause as Error & Record<string, unknown>;
  const safe = new Error(cause.message);
  safe.name = cause.name;
  safe.stack = `${cause.name}: ${cause.message}`;
  return Object.assign(safe, Object.fromEntries(Object.entries({ code, constraint, table, column, severity }).filter(([, v]) => v !== undefined)));
}

/** The same error without parameter values; anything else is returned as it is. */
export function withoutQueryParameters(value: unknown): unknown {
  if (!isQueryError(value)) return value;
  const safe = new Error(`Query error: ${value.query}`);
  safe.name = "DrizzleQueryError";
  const frames = (value.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  safe.stack = [`${safe.name}: ${safe.message}`, ...frames].join("\n");
  Object.assign(safe, { query: value.query, cause: databaseCause(value.cause) });
  return safe;
}

const installed = globalThis as typeof globalThis & { __commonThreadLogRedaction?: boolean };

/**
 * Makes console.error and console.warn drop query parameters from whatever logs through
 * them in this process (our own logs and the framework's), once per process.
 */
export function installLogRedaction(): void {
  if (installed.__commonThreadLogRedaction) return;
  installed.__commonThreadLogRedaction = true;
  for (const level of ["error", "warn"] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => original(...args.map(withoutQueryParameters));
  }
}
