/*
 * `npm run bench:seed`: fills the PostgreSQL database named by BENCH_DATABASE_URL with a year of
 * Millbrook at scale (sizes in bench/seed-sql.ts), for `npm run bench` to measure against.
 *
 * The database is created when it does not exist, migrated with the app's own migrations, then
 * emptied and filled. It refuses any database holding a member whose email is not
 * @bench.invalid: those are people, not benchmark rows. Counters (going, waitlist, claimed) and the
 * places the hub knows are computed from the rows, so the app's invariants hold. Ends with VACUUM
 * ANALYZE.
 */
import { Client } from "pg";
import { hashPassword } from "@/lib/passwords";
import { BENCH_EMAIL_DOMAIN, BENCH_PASSWORD, seedSteps, SIZES, type SeedStep } from "./seed-sql";

const started = performance.now();
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/** One line per step; on a terminal it is redrawn as a bar while the step's chunks run. */
function progress(index: number, total: number, name: string, done: number, of: number, since: number, final = false) {
  const width = 24;
  const filled = Math.round((done / Math.max(1, of)) * width);
  const line = `[${index}/${total}] ${name.padEnd(26)} ${"█".repeat(filled)}${"░".repeat(width - filled)} ${String(Math.round((done / Math.max(1, of)) * 100)).padStart(3)}%  ${seconds(since)} s`;
  if (process.stdout.isTTY) process.stdout.write(`\r${line}${final ? "\n" : ""}`);
  else if (final) console.log(line);
}

export function benchDatabaseUrl(): string {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error("Set BENCH_DATABASE_URL to the PostgreSQL database to fill, e.g. postgres://postgres@127.0.0.1:5432/ct_bench");
  if (process.env.DATABASE_URL && new URL(process.env.DATABASE_URL).pathname === new URL(url).pathname && new URL(process.env.DATABASE_URL).host === new URL(url).host) {
    throw new Error("BENCH_DATABASE_URL names the same database as DATABASE_URL; the benchmark needs a database of its own.");
  }
  return url;
}

async function createIfMissing(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z0-9_]+$/i.test(name)) throw new Error(`Use a database name of letters, digits and underscores (got "${name}").`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) {
      await client.query(`create database "${name}"`);
      console.log(`Created database ${name}.`);
    }
  } finally {
    await client.end();
  }
}

/** Why this database must not be filled, or null: any member not made by this script. */
export async function refusal(client: Client): Promise<string | null> {
  const { rows } = await client.query<{ exists: boolean }>("select to_regclass('public.users') is not null as exists");
  if (!rows[0].exists) return null;
  const other = await client.query<{ n: string }>(`select count(*) n from users where email not like $1`, [`%@${BENCH_EMAIL_DOMAIN}`]);
  const n = Number(other.rows[0].n);
  return n > 0 ? `Refusing to fill this database: it holds ${n} member(s) the benchmark did not create (emails not @${BENCH_EMAIL_DOMAIN}).` : null;
}

async function migrate(url: string): Promise<void> {
  // The app's own migration runner reads DATABASE_URL.
  process.env.DATABASE_URL = url;
  const { openPostgres } = await import("@/db/client");
  const { runMigrations } = await import("@/db/migrate");
  const handle = await openPostgres(url, "common-thread-bench-seed");
  try {
    await runMigrations(handle);
  } finally {
    await handle.close();
  }
}

async function runStep(client: Client, step: SeedStep, index: number, total: number): Promise<void> {
  const since = performance.now();
  const parts = (step.chunked ? Math.ceil(step.chunked.total / step.chunked.size) : 0) + (step.statements?.length ?? 0);
  let done = 0;
  progress(index, total, step.name, done, parts, since);
  if (step.chunked) {
    const { total: rows, size, statement } = step.chunked;
    for (let from = 1; from <= rows; from += size) {
      await client.query(statement(from, Math.min(rows, from + size - 1)));
      progress(index, total, step.name, ++done, parts, since);
    }
  }
  for (const statement of step.statements ?? []) {
    await client.query(statement);
    progress(index, total, step.name, ++done, parts, since);
  }
  progress(index, total, step.name, parts, parts, since, true);
}

async function main(): Promise<void> {
  const url = benchDatabaseUrl();
  await createIfMissing(url);
  const client = new Client({ connectionString: url, application_name: "common-thread-bench-seed" });
  await client.connect();
  try {
    const refused = await refusal(client);
    if (refused) throw new Error(refused);
    const hashing = hashPassword(BENCH_PASSWORD);
    let since = performance.now();
    await migrate(url);
    console.log(`Migrations applied (${seconds(since)} s).`);

    since = performance.now();
    // One transaction from emptying to the last index: a failure part-way leaves the database as it was.
    // Checked again inside it, so a member who signed up meanwhile stops it.
    await client.query("begin");
    const again = await refusal(client);
    if (again) throw new Error(again);
    const { rows } = await client.query<{ tablename: string }>("select tablename from pg_tables where schemaname = 'public'");
    await client.query(`truncate table ${rows.map((r) => `"${r.tablename}"`).join(", ")} restart identity cascade`);
    console.log(`Emptied ${rows.length} tables (${seconds(since)} s).`);

    // Bulk loading: no waiting on the disk at commit, and the big tables' indexes built once at the
    // end from their own definitions instead of row by row. Every id is generated consistently, so
    // foreign keys hold; the checks below prove it before anything is committed.
    await client.query("set local synchronous_commit = off");
    await client.query("set local work_mem = '64MB'");
    await client.query("set local maintenance_work_mem = '256MB'");
    await client.query("savepoint replica");
    await client.query("set local session_replication_role = replica").catch(async () => {
      await client.query("rollback to savepoint replica");
      console.log("(foreign keys are checked row by row: not a superuser)");
    });
    const restore = await dropIndexes(client, ["activities", "rsvps", "comments"]);
    const steps = seedSteps(await hashing);
    const total = steps.length + 3;
    for (const [i, step] of steps.entries()) await runStep(client, step, i + 1, total);
    await runStep(client, { name: "indexes", statements: restore }, steps.length + 1, total);
    // Counting the RSVPs rewrote every activity in one statement, in hash order: a layout no hub
    // has, where rows are written as activities are created, weeks before they start, and change a
    // few at a time. Put back in the order of their dates, as a hub's rows roughly are.
    await client.query("cluster activities using activities_starts_ends_idx");
    await client.query("set local session_replication_role = origin").catch(() => undefined);

    since = performance.now();
    progress(steps.length + 2, total, "checking", 0, 1, since);
    await verify(client);
    progress(steps.length + 2, total, "checking", 1, 1, since, true);
    await client.query("commit");
    since = performance.now();
    progress(total, total, "vacuum analyze", 0, 1, since);
    await client.query("vacuum analyze");
    progress(total, total, "vacuum analyze", 1, 1, since, true);

    const counts = await client.query<Record<string, string>>(
      `select (select count(*) from users) members, (select count(*) from groups) groups, (select count(*) from groups where visibility = 'private') private_groups,
              (select count(*) from memberships) memberships, (select count(*) from activities) activities,
              (select count(*) from activities where starts_at >= now()) upcoming, (select count(*) from rsvps) rsvps,
              (select count(*) from tasks) tasks, (select count(*) from task_claims) claims, (select count(*) from comments) comments,
              (select count(*) from connection_plans) plans, (select count(*) from partnerships) partnerships, (select count(*) from check_ins) check_ins,
              (select count(*) from reflections) reflections, (select count(*) from milestones) milestones, (select count(*) from notifications) notifications`,
    );
    const c = counts.rows[0];
    console.log(
      `Filled in ${seconds(started)} s: ${c.members} members, ${c.groups} groups (${c.private_groups} private), ${c.memberships} memberships, ${c.activities} activities (${c.upcoming} upcoming), ${c.rsvps} RSVPs, ${c.tasks} tasks with ${c.claims} claims, ${c.comments} comments, ${c.plans} connection plans, ${c.partnerships} partnerships with ${c.check_ins} check-ins, ${c.reflections} reflections, ${c.milestones} milestones, ${c.notifications} notifications.`,
    );
    console.log(`Sign in as member-1@${BENCH_EMAIL_DOMAIN} (any member-N up to ${SIZES.members}) with the password "${BENCH_PASSWORD}".`);
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Drops the tables' indexes and the unique constraints no foreign key leans on, and returns the
 * statements that make them again exactly as the migrations defined them.
 */
async function dropIndexes(client: Client, tables: string[]): Promise<string[]> {
  const restore: string[] = [];
  const constraints = await client.query<{ tbl: string; name: string; def: string }>(
    `select c.conrelid::regclass::text tbl, c.conname name, pg_get_constraintdef(c.oid) def from pg_constraint c
     where c.conrelid = any($1::regclass[]) and c.contype in ('p', 'u')
       and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = c.conindid)`,
    [tables],
  );
  const indexes = await client.query<{ name: string; def: string }>(
    `select indexname name, indexdef def from pg_indexes i where schemaname = 'public' and tablename = any($1)
       and not exists (select 1 from pg_constraint c where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`,
    [tables],
  );
  for (const c of constraints.rows) {
    await client.query(`alter table ${c.tbl} drop constraint "${c.name}"`);
    restore.push(`alter table ${c.tbl} add constraint "${c.name}" ${c.def}`);
  }
  for (const i of indexes.rows) {
    await client.query(`drop index "${i.name}"`);
    restore.push(i.def);
  }
  return restore;
}

/** The invariants the app keeps: counters equal to their rows, places within capacity, references that resolve. */
async function verify(client: Client): Promise<void> {
  const checks: Array<[string, string]> = [
    [
      "going and waitlist counts match the RSVPs",
      `select count(*) from activities a left join (select activity_id, count(*) filter (where status = 'going') going, count(*) filter (where status = 'waitlisted') waiting from rsvps group by activity_id) c on c.activity_id = a.id
       where a.going_count <> coalesce(c.going, 0) or a.waitlist_count <> coalesce(c.waiting, 0)`,
    ],
    ["no activity holds more than its places", `select count(*) from activities where capacity is not null and going_count > capacity`],
    ["claimed counts match the claims", `select count(*) from tasks t where claimed_count <> (select count(*) from task_claims c where c.task_id = t.id) + former_verified_places`],
    ["every RSVP's member and activity exist", `select count(*) from rsvps r left join users u on u.id = r.user_id left join activities a on a.id = r.activity_id where u.id is null or a.id is null`],
    ["every activity's group and project exist", `select count(*) from activities a where not exists (select 1 from groups g where g.id = a.group_id) or (a.project_id is not null and not exists (select 1 from projects p where p.id = a.project_id))`],
    ["every membership, claim and comment resolves", `select (select count(*) from memberships m where not exists (select 1 from users u where u.id = m.user_id)) + (select count(*) from task_claims c where not exists (select 1 from users u where u.id = c.user_id)) + (select count(*) from comments c where (c.activity_id is not null and not exists (select 1 from activities a where a.id = c.activity_id)) or (c.project_id is not null and not exists (select 1 from projects p where p.id = c.project_id)) or not exists (select 1 from users u where u.id = c.author_id))`],
    ["every check-in's pair and author resolve", `select count(*) from check_ins c where not exists (select 1 from partnerships p where p.id = c.partnership_id and c.author_id in (p.inviter_id, p.invitee_id))`],
    [
      "the known places are the places of the public activities",
      `with counted as (select coalesce(a.neighbourhood, '') neighbourhood, a.place_name, a.address, count(*)::int activity_count, sum(a.latitude::numeric) latitude_sum, sum(a.longitude::numeric) longitude_sum
                        from activities a join groups g on g.id = a.group_id
                        where a.hidden_at is null and a.latitude is not null and a.longitude is not null and g.hidden_at is null and g.visibility = 'public'
                        group by 1, 2, 3)
       select count(*) from ((select * from counted except select * from known_places) union all (select * from known_places except select * from counted)) d`,
    ],
    ["every reflection is on an attended activity", `select count(*) from reflections f where not exists (select 1 from rsvps r where r.activity_id = f.activity_id and r.user_id = f.user_id and r.attendance = 'attended')`],
  ];
  for (const [what, query] of checks) {
    const { rows } = await client.query<{ count: string }>(query);
    const bad = Number(Object.values(rows[0])[0]);
    if (bad !== 0) throw new Error(`The filled database breaks an invariant (${what}): ${bad} row(s).`);
  }
}

if (process.argv[1]?.endsWith("seed.ts")) {
  main().catch((error: unknown) => {
    if (process.stdout.isTTY) process.stdout.write("\n");
    console.error(`bench:seed failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
