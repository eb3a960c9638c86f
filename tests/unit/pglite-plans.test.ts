import * as pglite from "@electric-sql/pglite";
import { PGlite, types } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keptPlans } from "@/db/pglite-plans";

/*
 * The embedded database's kept plans (db/pglite-plans.ts), on a real PGlite: the same answers
 * as PGlite's own query, statements parsed once and kept within their bound, errors as before,
 * and PGlite's locking kept.
 */

let client: PGlite;
let own: PGlite["query"];
let query: PGlite["query"];
const MAX = 5;

// As drizzle asks for its rows: arrays, with dates left as the database wrote them.
const drizzleRows = { rowMode: "array" as const, parsers: { [types.TIMESTAMPTZ]: (v: string) => v, [types.DATE]: (v: string) => v } };

const keptNames = async () => (await own<{ name: string }>("select name from pg_prepared_statements where name like 'ct_plan_%' order by name")).rows.map((r) => r.name);
const keptTexts = async () => (await own<{ statement: string }>("select statement from pg_prepared_statements where name like 'ct_plan_%'")).rows.map((r) => r.statement);

beforeAll(async () => {
  client = await PGlite.create("memory://");
  own = client.query.bind(client);
  query = keptPlans(client, pglite, MAX);
  await client.exec(`
    create table things (id uuid primary key, name text not null unique, at timestamptz, day date, amount numeric, tags text[], data jsonb, ok boolean, n int);
    insert into things values ('00000000-0000-4000-8000-000000000001', 'first', '2026-12-07T10:00:00Z', '2026-12-07', 12.5, '{a,b}', '{"k": [1, 2]}', true, 7);
    insert into things values ('00000000-0000-4000-8000-000000000002', 'second', null, null, null, null, null, false, 8);
  `);
});

afterAll(async () => {
  await client.close();
});

describe("kept plans on the embedded database", () => {
  it("answers as PGlite's own query does, whatever the types, row mode and parsers", async () => {
    const cases: Array<[string, unknown[], Parameters<PGlite["query"]>[2]]> = [
      ["select * from things order by n", [], undefined],
      ["select * from things where n > $1 order by n", [0], drizzleRows],
      ["select id, at, day, amount, tags, data from things where id = $1", ["00000000-0000-4000-8000-000000000001"], undefined],
      ["select name from things where at >= $1 and tags @> $2 and data @> $3 and ok = $4", [new Date("2026-12-01T00:00:00Z"), ["a"], { k: [1] }, true], undefined],
      ["select $1::text is null as missing, coalesce($2::int, 0) + 1 as n", [null, undefined], undefined],
    ];
    for (const [text, params, options] of cases) {
      const expected = await own(text, params, options);
      const got = await query(text, params, options);
      expect(got.rows, text).toEqual(expected.rows);
      expect(got.fields, text).toEqual(expected.fields);
      expect(got.rows.length, text).toBeGreaterThan(0);
    }
    // Dates, numbers, arrays and JSON come back typed, as PGlite parses them.
    const [row] = (await query<{ at: Date; amount: string; tags: string[]; data: unknown; ok: boolean }>("select at, amount, tags, data, ok from things where n = $1", [7])).rows;
    expect(row.at).toBeInstanceOf(Date);
    expect(row.at.toISOString()).toBe("2026-12-07T10:00:00.000Z");
    expect(row.tags).toEqual(["a", "b"]);
    expect(row.data).toEqual({ k: [1, 2] });
    expect(row.ok).toBe(true);
  });

  it("parses a statement once and runs it again from its kept plan", async () => {
    const text = "select name from things where n = $1";
    const before = await keptNames();
    expect((await query<{ name: string }>(text, [7])).rows).toEqual([{ name: "first" }]);
    const afterFirst = await keptNames();
    expect(afterFirst.length).toBe(Math.min(before.length + 1, MAX));
    for (const [n, name] of [[8, "second"], [7, "first"], [9, null]] as const) {
      expect((await query<{ name: string }>(text, [n])).rows[0]?.name ?? null).toBe(name);
    }
    expect(await keptNames()).toEqual(afterFirst);
    expect((await keptTexts()).filter((t) => t === text)).toHaveLength(1);
  });

  it("keeps at most its bound, closing the least recently used, and runs a closed one again", async () => {
    const texts = Array.from({ length: 12 }, (_, i) => `select $1::int + ${i} as n`);
    for (const [i, text] of texts.entries()) expect((await query<{ n: number }>(text, [1])).rows[0].n).toBe(1 + i);
    const kept = await keptTexts();
    expect(kept).toHaveLength(MAX);
    expect(new Set(kept)).toEqual(new Set(texts.slice(-MAX)));
    expect((await query<{ n: number }>(texts[0], [2])).rows[0].n).toBe(2);
    expect(await keptTexts()).toContain(texts[0]);
    expect(await keptTexts()).toHaveLength(MAX);
  });

  it("writes, and reports what a write changed", async () => {
    const inserted = await query("insert into things (id, name, n) values ($1, $2, $3)", ["00000000-0000-4000-8000-000000000003", "third", 30]);
    expect(inserted.affectedRows).toBe(1);
    const updated = await query("update things set n = n + 1 where n >= $1", [8]);
    expect(updated.affectedRows).toBe(2);
    expect((await own<{ n: number }>("select n from things where name = 'third'")).rows[0].n).toBe(31);
    const removed = await query("delete from things where name = $1 returning n", ["third"]);
    expect(removed.rows).toEqual([{ n: 31 }]);
  });

  it("rejects as before, with the database's code and the statement, and goes on working", async () => {
    await expect(query("select name frm things", [])).rejects.toMatchObject({ code: "42601" });
    const typo = await query("select nme from things where n = $1", [7]).catch((e: unknown) => e);
    expect(typo).toMatchObject({ code: "42703", query: "select nme from things where n = $1" });
    const duplicate = await query("insert into things (id, name) values ($1, $2)", ["00000000-0000-4000-8000-000000000004", "first"]).catch((e: unknown) => e);
    expect(duplicate).toMatchObject({ code: "23505", params: ["00000000-0000-4000-8000-000000000004", "first"] });
    // Twice: the failed statement stays kept, and fails as it should again.
    for (let i = 0; i < 2; i++) await expect(query("select 1 / $1::int as n", [0])).rejects.toMatchObject({ code: "22012" });
    expect((await query<{ n: number }>("select 1 / $1::int as n", [1])).rows[0].n).toBe(1);
    expect((await query<{ c: number }>("select count(*)::int as c from things where name = $1", ["first"])).rows[0].c).toBe(1);
  });

  it("parses again once a table's columns change under a kept statement", async () => {
    const text = "select * from things where n = $1";
    expect((await query(text, [7])).fields.map((f) => f.name)).not.toContain("note");
    await client.exec("alter table things add column note text default 'hello'");
    const again = await query<{ note: string }>(text, [7]);
    expect(again.fields.map((f) => f.name)).toContain("note");
    expect(again.rows[0].note).toBe("hello");
  });

  it("waits for an open transaction, as PGlite's own query does, and sees what it committed", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = client.transaction(async (tx) => {
      await tx.query("insert into things (id, name, n) values ($1, $2, $3)", ["00000000-0000-4000-8000-000000000005", "during", 50]);
      await held;
    });
    let answered = false;
    const read = query<{ c: number }>("select count(*)::int as c from things where n = $1", [50]).then((r) => ((answered = true), r.rows[0].c));
    await new Promise((r) => setTimeout(r, 100));
    expect(answered).toBe(false);
    release();
    await transaction;
    expect(await read).toBe(1);
  });

  it("leaves other statements to PGlite's own query", async () => {
    const before = await keptNames();
    await query("create table other (x int)", []);
    expect((await query<{ TimeZone: string }>("show timezone", [])).rows).toHaveLength(1);
    expect((await query<{ n: number }>("select $1::int as n", [3], { paramTypes: [types.INT4] })).rows[0].n).toBe(3);
    expect(await keptNames()).toEqual(before);
  });
});
