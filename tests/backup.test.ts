import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { compareDatabases, readBackup, restoreBackup, writeBackup } from "@/db/backup";
import { type Db, type DbHandle, openEmbedded, openPostgres } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seedDemo } from "@/db/seed";

/*
 * Backups and moving up: a hub with a row in every table is backed up, restored into fresh
 * databases of both kinds (and read by psql itself), and every row of every table compared.
 * The source is a database of this file's own, so nothing else writing meanwhile can move it.
 */

type Row = Record<string, unknown>;
const rowsOf = async <T extends Row>(db: Db, query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

/**
 * One row for every table the demo town leaves empty, made from the table's own definition:
 * a reference takes an existing row's key, an enum its first value, and so on. A new table is
 * filled the day it is added; one whose checks refuse such a row names itself in the failure.
 */
/** Columns whose checks allow only some values: one they allow. */
const ALLOWED_WORD: Record<string, string> = { "email_links.purpose": "verify", "guest_rsvps.status": "going" };
/** Tables whose row must name a pair that exists together (a foreign key over two columns): the row, made from one. */
const ROW_FROM: Record<string, string> = {
  // Its device sorts after it: made here with it.
  push_deliveries: `with s as (insert into push_subscriptions (user_id, endpoint, p256dh, auth) select id, 'https://push.example/filled', 'filled-key', 'filled-auth' from users order by 1 limit 1 returning id) insert into push_deliveries (subscription_id, notification_id, kind, title, url) select s.id, n.id, 'waitlist', 'A place opened up for you', '/notifications' from s, (select id from notifications order by 1 limit 1) n`,
  rsvp_links: `insert into rsvp_links (token_hash, activity_id, user_id, purpose, expires_at) select 'filled-link', activity_id, user_id, 'coming', now() from rsvps order by 1, 2 limit 1`,
};
/** Columns that may be empty, but a check wants one of them set. */
const SET_TOO = new Set(["guest_rsvps.confirmed_at"]);

async function fillEmptyTables(db: Db): Promise<void> {
  const tables = (await rowsOf<{ name: string }>(db, sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r' order by 1`)).map((r) => r.name);
  for (const table of tables) {
    const [{ n }] = await rowsOf<{ n: number }>(db, sql.raw(`select count(*)::int as n from "${table}"`));
    if (Number(n) > 0) continue;
    if (ROW_FROM[table]) {
      await db.execute(sql.raw(ROW_FROM[table]));
      continue;
    }
    const columns = await rowsOf<{ column_name: string; data_type: string; udt_name: string; is_nullable: string; column_default: string | null; is_generated: string }>(
      db,
      sql`select column_name, data_type, udt_name, is_nullable, column_default, is_generated from information_schema.columns where table_schema = 'public' and table_name = ${table} order by ordinal_position`,
    );
    const references = await rowsOf<{ column: string; parent: string; parent_column: string }>(
      db,
      sql`select a.attname as column, p.relname as parent, pa.attname as parent_column
            from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
            join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
            join pg_attribute pa on pa.attrelid = k.confrelid and pa.attnum = k.confkey[1]
           where k.contype = 'f' and c.relname = ${table}`,
    );
    const names: string[] = [];
    const values: ReturnType<typeof sql>[] = [];
    for (const c of columns) {
      if (c.is_generated !== "NEVER") continue;
      const ref = references.find((r) => r.column === c.column_name);
      let value: ReturnType<typeof sql> | null = null;
      const key = `${table}.${c.column_name}`;
      if (ref) value = sql.raw(`(select "${ref.parent_column}" from "${ref.parent}" order by 1 limit 1)`);
      else if (ALLOWED_WORD[key]) value = sql`${ALLOWED_WORD[key]}`;
      else if (SET_TOO.has(key)) value = sql`now()`;
      else if (c.is_nullable === "YES" || c.column_default !== null) continue;
      else if (c.data_type === "USER-DEFINED") value = sql.raw(`(select enum_range(null::"${c.udt_name}"))[1]`);
      else if (c.data_type === "uuid") value = sql`gen_random_uuid()`;
      else if (/timestamp|date/.test(c.data_type)) value = sql`now()`;
      else if (/integer|numeric|bigint|smallint|double|real/.test(c.data_type)) value = sql`1`;
      else if (c.data_type === "boolean") value = sql`true`;
      else if (c.data_type === "jsonb" || c.data_type === "json") value = sql`'{}'`;
      else if (c.data_type === "ARRAY") value = sql`'{}'`;
      else value = sql`${`filled ${table}.${c.column_name} \t with a tab, a\nnew line and a \\ backslash`}`;
      names.push(`"${c.column_name}"`);
      values.push(value);
    }
    try {
      await db.execute(sql`insert into ${sql.raw(`"${table}"`)} (${sql.raw(names.join(", "))}) values (${sql.join(values, sql`, `)})`);
    } catch (error) {
      throw new Error(`Could not put a row in ${table} for the backup test: ${(error as Error).message}`);
    }
  }
}

async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = (await rowsOf<{ name: string }>(db, sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r' order by 1`)).map((r) => r.name);
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = Number((await rowsOf<{ n: number }>(db, sql.raw(`select count(*)::int as n from "${t}"`)))[0].n);
  return out;
}

async function backupOf(handle: DbHandle): Promise<string> {
  const chunks: string[] = [];
  await writeBackup(handle, (chunk) => void chunks.push(chunk));
  return chunks.join("");
}

const embedded = async () => openEmbedded("memory://");
const postgresAdminUrl = () => inject("testDirectUrl") || inject("testDatabaseUrl");
const psqlAvailable = (() => {
  try {
    execFileSync("psql", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

// Each test makes a database or three on the embedded engine, which takes a while on a busy machine.
describe("backups, restores and moving onto PostgreSQL", { timeout: 240_000 }, () => {
  let source: DbHandle;
  let backup: string;
  const handles: DbHandle[] = [];
  const databases: string[] = [];

  /** A new, empty PostgreSQL database of this test's own, reached directly. */
  async function emptyPostgres(): Promise<{ url: string; name: string }> {
    const admin = new Client({ connectionString: postgresAdminUrl() });
    await admin.connect();
    const name = `ct_backup_${crypto.randomBytes(4).toString("hex")}`;
    await admin.query(`create database ${name}`);
    await admin.end();
    databases.push(name);
    const url = new URL(postgresAdminUrl());
    url.pathname = `/${name}`;
    return { url: url.toString(), name };
  }

  beforeAll(async () => {
    source = await embedded();
    handles.push(source);
    await runMigrations(source);
    await seedDemo(source.db);
    await fillEmptyTables(source.db);
    backup = await backupOf(source);
  }, 120_000);

  afterAll(async () => {
    for (const h of handles) await h.close().catch(() => undefined);
    if (databases.length === 0) return;
    const admin = new Client({ connectionString: postgresAdminUrl() });
    await admin.connect();
    for (const name of databases) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it("the source holds a row in every table, so the comparisons below cover all of them", async () => {
    const counts = await tableCounts(source.db);
    expect(Object.keys(counts).length).toBeGreaterThan(25);
    expect(Object.entries(counts).filter(([, n]) => n === 0).map(([t]) => t)).toEqual([]);
  });

  it("restores into a fresh embedded database with every row of every table the same", async () => {
    const copy = await embedded();
    handles.push(copy);
    const { rows } = await restoreBackup(copy, backup);
    expect(rows).toBeGreaterThan(500);
    expect(await compareDatabases(source.db, copy.db)).toEqual([]);
    // Sequences go on from where they were: the next place in a waitlist comes after the last one.
    const [{ last }] = await rowsOf<{ last: string | null }>(copy.db, sql`select last_value::text as last from pg_sequences where sequencename = 'rsvps_waitlist_seq_seq'`);
    const [{ was }] = await rowsOf<{ was: string | null }>(source.db, sql`select last_value::text as was from pg_sequences where sequencename = 'rsvps_waitlist_seq_seq'`);
    expect(last).toBe(was);
  });

  it("a comparison finds a changed value and a missing row", async () => {
    const copy = await embedded();
    handles.push(copy);
    await restoreBackup(copy, backup);
    await copy.db.execute(sql`update users set name = name || '!' where id = (select id from users order by id limit 1)`);
    await copy.db.execute(sql`delete from comments where id = (select id from comments order by id limit 1)`);
    const differences = await compareDatabases(source.db, copy.db);
    expect(differences).toContain("users: row 1 differs");
    expect(differences.some((d) => /^comments: \d+ rows, \d+ in the copy$/.test(d))).toBe(true);
  });

  it("refuses to restore over a hub, and refuses a file that was cut short or is not a backup, changing nothing", async () => {
    const copy = await embedded();
    handles.push(copy);
    await restoreBackup(copy, backup);
    await expect(restoreBackup(copy, backup)).rejects.toThrow(/already holds a hub/);
    expect(await compareDatabases(source.db, copy.db)).toEqual([]);
    const empty = await embedded();
    handles.push(empty);
    await expect(restoreBackup(empty, backup.slice(0, Math.floor(backup.length / 2)))).rejects.toThrow(/incomplete/);
    await expect(restoreBackup(empty, "select 1;\n")).rejects.toThrow(/not a Common Thread backup/);
    expect(readBackup(backup).filter((p) => p.kind === "copy").length).toBeGreaterThan(25);
    const [{ n }] = await rowsOf<{ n: number }>(empty.db, sql`select count(*)::int as n from pg_class c join pg_namespace s on s.oid = c.relnamespace where s.nspname = 'public' and c.relkind = 'r'`);
    expect(Number(n)).toBe(0);
  });

  describe.skipIf(!inject("testDatabaseUrl"))("on PostgreSQL", () => {
    it("moves the embedded hub onto an empty PostgreSQL database, every row the same, and backs that up and restores it again", async () => {
      const { url } = await emptyPostgres();
      const target = await openPostgres(url, "ct-backup-test");
      handles.push(target);
      await restoreBackup(target, backup);
      expect(await compareDatabases(source.db, target.db)).toEqual([]);
      // A backup of PostgreSQL reads back into the embedded database just the same.
      const again = await backupOf(target);
      const copy = await embedded();
      handles.push(copy);
      await restoreBackup(copy, again);
      expect(await compareDatabases(source.db, copy.db)).toEqual([]);
    });

    it.skipIf(!psqlAvailable)("psql reads a backup into an empty database as it is", async () => {
      const { url } = await emptyPostgres();
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ct-backup-")), "hub.sql");
      fs.writeFileSync(file, backup);
      try {
        execFileSync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-1", "-f", file, url], { stdio: "pipe" });
      } finally {
        fs.rmSync(path.dirname(file), { recursive: true, force: true });
      }
      const target = await openPostgres(url, "ct-backup-psql");
      handles.push(target);
      expect(await compareDatabases(source.db, target.db)).toEqual([]);
    });
  });
});
