import "server-only";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db, DbHandle } from "./client";
import { migrationsFolder, runMigrations } from "./migrate";

/*
 * A backup is one plain SQL file, the same from the embedded database and from PostgreSQL:
 * the schema (the migrations the database had applied, in order), then every row of every
 * table as `COPY … FROM stdin` blocks in PostgreSQL's text format, then the sequences. psql
 * reads it into an empty PostgreSQL database as it is (`psql -1 -f backup.sql`); `restoreBackup`
 * reads it into either kind of database, then applies the migrations written since.
 *
 * It is written inside one read-only, repeatable-read transaction, so it is the database at
 * one moment even while the hub serves requests. Tables are written parents first (by their
 * foreign keys), so rows load in an order the constraints accept; user triggers are off while
 * they load, so a table kept up to date by a trigger is restored as it was, not counted twice.
 */

export const BACKUP_FORMAT = 1;
const BREAK = "--> statement-breakpoint";
const BATCH = 2_000;

type Row = Record<string, unknown>;

async function rows<T extends Row>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface Table {
  schema: string;
  name: string;
  columns: string[];
}

/** Public tables, parents before children, each with the columns a backup holds (generated ones are computed again). */
async function tablesInLoadOrder(db: Db): Promise<Table[]> {
  const names = (await rows<{ name: string }>(db, sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r' order by 1`)).map((r) => r.name);
  const edges = await rows<{ child: string; parent: string }>(
    db,
    sql`select c.relname as child, p.relname as parent
          from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
          join pg_namespace n on n.oid = c.relnamespace
         where k.contype = 'f' and n.nspname = 'public' and k.conrelid <> k.confrelid`,
  );
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const e of edges) parents.get(e.child)?.add(e.parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < names.length) {
    const ready = names.filter((n) => !placed.has(n) && [...parents.get(n)!].every((p) => placed.has(p) || !parents.has(p)));
    if (ready.length === 0) throw new Error(`The tables' foreign keys form a cycle: ${names.filter((n) => !placed.has(n)).join(", ")}`);
    for (const n of ready) {
      ordered.push(n);
      placed.add(n);
    }
  }
  const out: Table[] = [];
  for (const name of ordered) {
    const columns = (
      await rows<{ column_name: string }>(
        db,
        sql`select column_name from information_schema.columns where table_schema = 'public' and table_name = ${name} and is_generated = 'NEVER' order by ordinal_position`,
      )
    ).map((r) => r.column_name);
    out.push({ schema: "public", name, columns });
  }
  return out;
}

/** A value in COPY's text format: \N for null, and backslash, tab, newline and return escaped. */
function copyField(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  return String(value).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

function readCopyField(field: string): string | null {
  if (field === "\\N") return null;
  return field.replace(/\\(.)/g, (_, c: string) => (c === "t" ? "\t" : c === "n" ? "\n" : c === "r" ? "\r" : c));
}

/** The migrations this database has applied, as their files' tags, in order. */
async function appliedMigrations(db: Db): Promise<{ tag: string; hash: string; createdAt: string }[]> {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: { tag: string; when: number }[] };
  const applied = await rows<{ hash: string; created_at: string }>(db, sql`select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by created_at`);
  return applied.map((row) => {
    const entry = journal.entries.find((e) => String(e.when) === row.created_at);
    if (!entry) throw new Error(`This database has a migration (${row.created_at}) this version of the hub does not know: back it up with the version that wrote it.`);
    return { tag: entry.tag, hash: row.hash, createdAt: row.created_at };
  });
}

export interface BackupSummary {
  tables: number;
  rows: number;
  migrations: number;
}

/** Writes a backup of the whole database through `write`, chunk by chunk. */
export async function writeBackup(handle: DbHandle, write: (chunk: string) => Promise<void> | void): Promise<BackupSummary> {
  let total = 0;
  let tableCount = 0;
  let migrationCount = 0;
  await handle.db.transaction(
    async (tx) => {
      const db = tx as unknown as Db;
      const migrations = await appliedMigrations(db);
      migrationCount = migrations.length;
      const tables = await tablesInLoadOrder(db);
      tableCount = tables.length;
      await write(
        [
          "-- Common Thread backup",
          `-- format: ${BACKUP_FORMAT}`,
          `-- from: ${handle.kind === "pglite" ? "the embedded database" : "PostgreSQL"}, ${new Date().toISOString()}`,
          `-- migrations: ${migrations.map((m) => m.tag).join(" ")}`,
          "-- Restore with `npm run db:restore -- <this file>` (into an empty database: the embedded one or DATABASE_URL),",
          "-- or on an empty PostgreSQL database with `psql -v ON_ERROR_STOP=1 -1 -f <this file>`.",
          "SET client_encoding = 'UTF8';",
          BREAK,
          "SET standard_conforming_strings = on;",
          BREAK,
          "",
        ].join("\n"),
      );
      for (const m of migrations) {
        const text = fs.readFileSync(path.join(migrationsFolder, `${m.tag}.sql`), "utf8");
        for (const statement of text.split(BREAK).map((s) => s.trim()).filter(Boolean)) await write(`${statement}\n${BREAK}\n`);
      }
      await write(`CREATE SCHEMA IF NOT EXISTS drizzle;\n${BREAK}\nCREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint);\n${BREAK}\n`);
      await write("COPY drizzle.__drizzle_migrations (hash, created_at) FROM stdin;\n");
      for (const m of migrations) await write(`${copyField(m.hash)}\t${copyField(m.createdAt)}\n`);
      await write("\\.\n");
      // A migration may write rows of its own (a data upgrade it queues): the rows below are the whole truth.
      await write(`TRUNCATE TABLE ${tables.map((t) => `${ident(t.schema)}.${ident(t.name)}`).join(", ")};\n${BREAK}\n`);
      for (const t of tables) await write(`ALTER TABLE ${ident(t.schema)}.${ident(t.name)} DISABLE TRIGGER USER;\n${BREAK}\n`);
      for (const t of tables) {
        await write(`COPY ${ident(t.schema)}.${ident(t.name)} (${t.columns.map(ident).join(", ")}) FROM stdin;\n`);
        const select = t.columns.map((c) => `${ident(c)}::text`).join(", ");
        await db.execute(sql.raw(`declare backup_rows no scroll cursor for select ${select} from ${ident(t.schema)}.${ident(t.name)}`));
        for (;;) {
          const batch = await rows<Row>(db, sql.raw(`fetch ${BATCH} from backup_rows`));
          if (batch.length === 0) break;
          total += batch.length;
          await write(batch.map((r) => Object.values(r).map(copyField).join("\t")).join("\n") + "\n");
        }
        await db.execute(sql.raw("close backup_rows"));
        await write("\\.\n");
      }
      for (const t of tables) await write(`ALTER TABLE ${ident(t.schema)}.${ident(t.name)} ENABLE TRIGGER USER;\n${BREAK}\n`);
      const sequences = await rows<{ schema: string; name: string; last: string | null }>(db, sql`select schemaname as schema, sequencename as name, last_value::text as last from pg_sequences where schemaname in ('public', 'drizzle') order by 1, 2`);
      for (const s of sequences) {
        const target = `${ident(s.schema)}.${ident(s.name)}`.replace(/'/g, "''");
        await write(s.last === null ? `SELECT pg_catalog.setval('${target}', 1, false);\n${BREAK}\n` : `SELECT pg_catalog.setval('${target}', ${Number(s.last)}, true);\n${BREAK}\n`);
      }
      await write("-- end of backup\n");
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  return { tables: tableCount, rows: total, migrations: migrationCount };
}

/** Whether the database holds nothing of the hub yet: no table, no migration. */
export async function isEmptyDatabase(db: Db): Promise<boolean> {
  const [row] = await rows<{ n: number }>(db, sql`select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname in ('public', 'drizzle') and c.relkind = 'r'`);
  return Number(row.n) === 0;
}

type Part = { kind: "sql"; text: string } | { kind: "copy"; target: string; columns: string; rows: (string | null)[][] };

/** Reads a backup back into its statements and its tables' rows. */
export function readBackup(text: string): Part[] {
  if (!text.startsWith("-- Common Thread backup\n")) throw new Error("This file is not a Common Thread backup (it should start with “-- Common Thread backup”).");
  const format = /^-- format: (\d+)$/m.exec(text);
  if (!format || Number(format[1]) > BACKUP_FORMAT) throw new Error(`This backup was written by a newer version of the hub (format ${format?.[1] ?? "unknown"}): restore it with that version.`);
  if (!text.trimEnd().endsWith("-- end of backup")) throw new Error("This backup is incomplete: it does not end with “-- end of backup”. It may have been cut short while it was written or copied.");
  const parts: Part[] = [];
  const lines = text.split("\n");
  let pending: string[] = [];
  const flush = () => {
    const statement = pending.filter((l) => !l.startsWith("--")).join("\n").trim();
    if (statement) parts.push({ kind: "sql", text: statement });
    pending = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const copy = /^COPY (\S+) \((.*)\) FROM stdin;$/.exec(line);
    if (copy) {
      flush();
      const rowsOf: (string | null)[][] = [];
      for (i++; i < lines.length && lines[i] !== "\\."; i++) rowsOf.push(lines[i].split("\t").map(readCopyField));
      if (i >= lines.length) throw new Error(`This backup is incomplete: the rows of ${copy[1]} never end.`);
      parts.push({ kind: "copy", target: copy[1], columns: copy[2], rows: rowsOf });
    } else if (line === BREAK) flush();
    else pending.push(line);
  }
  flush();
  return parts;
}

/**
 * Loads a backup into an empty database, in one transaction (all of it, or nothing), then
 * applies the migrations written since the backup was made.
 */
export async function restoreBackup(handle: DbHandle, text: string): Promise<{ rows: number }> {
  const parts = readBackup(text);
  if (!(await isEmptyDatabase(handle.db))) {
    throw new Error("The database to restore into already holds a hub. Restore into an empty database: a new PostgreSQL database, or a new folder for the embedded one (PGLITE_DATA_DIR).");
  }
  let total = 0;
  await handle.db.transaction(async (tx) => {
    for (const part of parts) {
      if (part.kind === "sql") {
        await tx.execute(sql.raw(part.text));
        continue;
      }
      const width = part.columns.split(",").length;
      // Untyped parameters take each column's own type, read from PostgreSQL's text output.
      const perStatement = Math.max(1, Math.floor(60_000 / width));
      for (let at = 0; at < part.rows.length; at += perStatement) {
        const slice = part.rows.slice(at, at + perStatement);
        const values = slice.map((row) => sql`(${sql.join(row.map((v) => sql`${v}`), sql`, `)})`);
        await tx.execute(sql`insert into ${sql.raw(part.target)} (${sql.raw(part.columns)}) values ${sql.join(values, sql`, `)}`);
        total += slice.length;
      }
    }
  });
  await runMigrations(handle);
  return { rows: total };
}

/**
 * Every row of every table on both sides, compared as PostgreSQL's text of each value: a list of
 * the differences in words, empty when the two databases hold the same.
 */
export async function compareDatabases(a: Db, b: Db): Promise<string[]> {
  const differences: string[] = [];
  const tables = await tablesInLoadOrder(a);
  const others = new Set((await tablesInLoadOrder(b)).map((t) => t.name));
  for (const t of tables) {
    if (!others.has(t.name)) {
      differences.push(`${t.name} is missing`);
      continue;
    }
    const select = sql.raw(`select ${t.columns.map((c) => `${ident(c)}::text`).join(", ")} from ${ident(t.schema)}.${ident(t.name)} order by ${t.columns.map((_, i) => i + 1).join(", ")}`);
    const [left, right] = [await rows<Row>(a, select), await rows<Row>(b, select)];
    if (left.length !== right.length) {
      differences.push(`${t.name}: ${left.length} rows, ${right.length} in the copy`);
      continue;
    }
    const at = left.findIndex((row, i) => JSON.stringify(Object.values(row)) !== JSON.stringify(Object.values(right[i])));
    if (at !== -1) differences.push(`${t.name}: row ${at + 1} differs`);
  }
  return differences;
}
