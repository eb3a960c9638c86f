import type { PGlite, QueryOptions, Results } from "@electric-sql/pglite";

/*
 * Kept query plans for the embedded database.
 *
 * PGlite's own `query` sends every statement as a new, unnamed one: the database parses and
 * plans it again each time, and each step (parse, describe, bind, describe, execute, sync) is a
 * separate call into the WebAssembly module. Planning dominates the small reads a page is made
 * of: the viewer's row took 1.8 ms that way and 0.15 ms as a kept statement; the listing's page
 * of activities 1.5 ms and 0.9 ms (demo town, measured on the server's own thread).
 *
 * Here each statement text a page runs is parsed once into a named prepared statement, and
 * every later run is one call: bind, describe, execute and sync together. PostgreSQL then keeps
 * the plan (a generic one once it costs no more than planning each time). At most MAX_KEPT
 * statements are kept, the least recently used closed first: a text with a list of a
 * different length (`in ($1, $2, …)`) is a statement of its own.
 *
 * Only plain reads and writes are kept (select, with, insert, update, delete); anything else,
 * and any query with its own parameter types or a blob, goes through PGlite's own `query`.
 * Locking is PGlite's: a kept statement runs only when no transaction holds the database, as a
 * plain query does. A table changed under a kept statement so that its result no longer has the
 * same columns is parsed again once. Statements inside a transaction go through the
 * transaction's own `query`, unchanged.
 */

export const MAX_KEPT = 256;

const KEPT_KINDS = /^\s*(select|with|insert|update|delete)\b/i;

/** PGlite's locks and checks: public in its JavaScript, marked internal in its types. */
interface Internals {
  _checkReady(): Promise<void>;
  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T>;
  _runExclusiveQuery<T>(fn: () => Promise<T>): Promise<T>;
}

type PGliteModule = Pick<typeof import("@electric-sql/pglite"), "protocol" | "parse">;

interface Kept {
  name: string;
  /** The parameters' type ids, as the database inferred them, to serialize values by. */
  types: number[];
}

function joined(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** As PGlite does: the failing statement, its parameters and options, on the error itself. */
function withQuery(error: unknown, query: string, params: unknown[], options: QueryOptions | undefined): unknown {
  if (error && typeof error === "object") Object.assign(error, { query, params, queryOptions: options });
  return error;
}

function changedResult(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  return e?.code === "0A000" && /cached plan must not change result type/.test(e.message ?? "");
}

/** A `query` for `client` that keeps each statement's plan; `pglite` is the module it came from. */
export function keptPlans(client: PGlite, pglite: PGliteModule, max = MAX_KEPT): PGlite["query"] {
  const plain = client.query.bind(client);
  const internals = client as unknown as Internals;
  const serialize = pglite.protocol.serialize;
  const kept = new Map<string, Kept>();
  let named = 0;

  const close = async (statement: Kept) => {
    await client.execProtocol(joined([serialize.close({ type: "S", name: statement.name }), serialize.sync()]), { syncToFs: false });
  };

  const prepare = async (text: string): Promise<Kept> => {
    const name = `ct_plan_${named++}`;
    const { messages } = await client.execProtocol(joined([serialize.parse({ name, text, types: [] }), serialize.describe({ type: "S", name }), serialize.sync()]), { syncToFs: false });
    const described = messages.find((m) => m.name === "parameterDescription") as { dataTypeIDs?: number[] } | undefined;
    const statement = { name, types: described?.dataTypeIDs ?? [] };
    kept.set(text, statement);
    if (kept.size > max) {
      const [oldest, old] = kept.entries().next().value as [string, Kept];
      kept.delete(oldest);
      await close(old);
    }
    return statement;
  };

  const run = async <T>(text: string, params: unknown[], options: QueryOptions | undefined, again = true): Promise<Results<T>> => {
    let statement = kept.get(text);
    if (statement) {
      // Most recently used last: the first entry is the one to close when the map is full.
      kept.delete(text);
      kept.set(text, statement);
    } else {
      statement = await prepare(text);
    }
    const types = statement.types;
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = options?.serializers?.[types[i]] ?? client.serializers[types[i]];
      return serializer ? serializer(value) : String(value);
    });
    try {
      const { messages } = await client.execProtocol(
        joined([serialize.bind({ statement: statement.name, values: values as string[] }), serialize.describe({ type: "P" }), serialize.execute({}), serialize.sync()]),
      );
      return pglite.parse.parseResults(messages, client.parsers, options)[0] as Results<T>;
    } catch (error) {
      if (again && changedResult(error)) {
        kept.delete(text);
        await close(statement);
        return run<T>(text, params, options, false);
      }
      throw error;
    }
  };

  return async function query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    if (!KEPT_KINDS.test(text) || options?.paramTypes || options?.blob) return plain<T>(text, params, options);
    await internals._checkReady();
    return internals._runExclusiveTransaction(() =>
      internals._runExclusiveQuery(async () => {
        try {
          return await run<T>(text, params ?? [], options);
        } catch (error) {
          throw withQuery(error, text, params ?? [], options);
        }
      }),
    );
  };
}
