/*
 * The set-based statements of `npm run bench:seed`: a year of Millbrook at scale. Every row is
 * made by generate_series inside PostgreSQL; ids are derived from a row's number
 * (md5('bench-a-' || n) shaped as a version-4 uuid), so later steps find earlier rows without a lookup table, and
 * the spread comes from hashtext() of the number, so two runs make the same town.
 *
 * Sizes: 20,000 members, 200 groups (one in eight private), 1,000 projects, 10,000 tasks with
 * claims, 100,000 activities from nine months ago to three months ahead (a quarter upcoming),
 * exactly 1,000,000 RSVPs, 50,000 comments on activities and 10,000 on projects, a connection
 * plan for half the members, 8,000 check-in partnerships with 15 check-ins each, a reflection on
 * one attended activity in five (about 100,000), the milestones those reach, and 200,000
 * notifications: every table a benchmarked page reads is full enough to need its index.
 */
import { NEIGHBOURHOODS, PLACES } from "@/db/seed-data/town";

export const SIZES = {
  members: 20_000, groups: 200, projects: 1_000, tasks: 10_000, activities: 100_000, rsvpsPerActivity: 10, comments: 50_000,
  projectComments: 10_000, partnerships: 8_000, checkInsPerPair: 15, notifications: 200_000,
};

/** Every bench member's email ends so; `bench:seed` refuses a database holding any other member. */
export const BENCH_EMAIL_DOMAIN = "bench.invalid";
export const BENCH_PASSWORD = "bench member password";
/** Member 1 is the one the benchmark signs in as: in several groups, a private one among them. */
export const benchEmail = (n: number) => `member-${n}@${BENCH_EMAIL_DOMAIN}`;

/** A stable pseudo-random integer in [0, mod) from a label and a row number (SQL expression). */
const h = (label: string, n: string, mod: number) => `(abs(hashtext('${label}' || (${n}))) % ${mod})`;
/** A stable pseudo-random number in [0, 1). */
const r = (label: string, n: string) => `(${h(label, n, 1_000_003)} / 1000003.0)`;
// Shaped as a version-4 UUID (version nibble 4, variant 8): the app's own ids are, and its
// schemas refuse any other shape, so a page asked for a bench id would answer "not found".
const id = (prefix: string, n: string) => `overlay(overlay(md5('bench-${prefix}-' || (${n})) placing '4' from 13) placing '8' from 17)::uuid`;

const FIRST = ["Alex", "Sam", "Robin", "Jo", "Priya", "Tomasz", "Aisha", "Morgan", "Chris", "Niamh", "Kwame", "Mei", "Olu", "Hannah", "Yusuf", "Grace", "Dev", "Ruth", "Luca", "Amara", "Finn", "Zara", "Ivan", "Leah"];
const LAST = ["Patel", "Smith", "Okafor", "Nowak", "Jones", "Khan", "Murphy", "Chen", "Williams", "Ahmed", "Brown", "Taylor", "Singh", "Evans", "Kowalski", "Hughes", "Ali", "Wright", "Reid", "Osei"];

/** Group topics and the kind of activity each mostly posts. */
const TOPICS: Array<[string, "volunteer" | "walk" | "hobby"]> = [
  ["Walkers", "walk"], ["Gardeners", "volunteer"], ["Repair Café", "volunteer"], ["Knitting Circle", "hobby"], ["Book Club", "hobby"],
  ["Litter Pickers", "volunteer"], ["Sketchers", "hobby"], ["Food Bank Helpers", "volunteer"], ["Birdwatchers", "walk"], ["Board Gamers", "hobby"],
  ["Tea and Chat", "hobby"], ["Photo Walks", "walk"], ["Tree Planters", "volunteer"], ["Slow Runners", "walk"], ["Choir", "hobby"],
  ["Reading Buddies", "volunteer"], ["Canal Strollers", "walk"], ["Crafters", "hobby"], ["Allotment Friends", "volunteer"], ["Nature Rambles", "walk"],
];

const TITLES: Record<"volunteer" | "walk" | "hobby", string[]> = {
  walk: ["Gentle riverside walk", "Canal towpath stroll", "Park loop and a cuppa", "Morning walk for new faces", "Birdsong walk", "Slow Sunday ramble", "Evening walk by the water", "Hill walk with rests"],
  volunteer: ["Food bank sorting", "Litter pick", "Community garden session", "Repair café helpers", "Reading buddies at the library", "Tree planting morning", "Painting the community hall", "Allotment tidy-up"],
  hobby: ["Knitting circle", "Board games evening", "Sketching afternoon", "Book club", "Photography meetup", "Tea and crafts", "Choir practice", "Quiet reading hour"],
};

const DESCRIPTIONS = [
  "Come as you are: arrive late, leave early, sit one out. Someone will be at the meeting point ten minutes before to say hello.",
  "No experience needed and nothing to bring. There is tea, a bench and plenty of space to take a break whenever you like.",
  "We keep it small and unhurried. If it is your first time, say so when you arrive and we will pair you with a regular.",
  "A relaxed session with a short welcome at the start. Quiet corners are available, and nobody has to talk if they would rather not.",
  "We finish with a drink at the café nearby for anyone who fancies it. Dogs on leads are welcome; the route is mostly flat.",
];

const COMMENTS = ["Looking forward to it!", "Is there parking nearby?", "I'll bring biscuits.", "Can I come late?", "Thanks, that was lovely.", "First time coming, a bit nervous.", "Will it go ahead if it rains?", "See you there."];

const quoteList = (xs: readonly string[]) => `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(", ")}]`;

/** The town's places, grouped by neighbourhood (same order as NEIGHBOURHOODS). */
function placesByNeighbourhood() {
  const places = Object.values(PLACES).sort((a, b) => NEIGHBOURHOODS.indexOf(a.neighbourhood) - NEIGHBOURHOODS.indexOf(b.neighbourhood));
  const start = NEIGHBOURHOODS.map((nb) => places.findIndex((p) => p.neighbourhood === nb) + 1);
  const count = NEIGHBOURHOODS.map((nb) => places.filter((p) => p.neighbourhood === nb).length);
  return { places, start, count };
}

/** Group g's neighbourhood index (1-based) and topic index (1-based): shared by every step. */
const groupNb = (g: string) => `(1 + (${g}) % ${NEIGHBOURHOODS.length})`;
const groupTopic = (g: string) => `(1 + ((${g}) - 1) / ${NEIGHBOURHOODS.length} % ${TOPICS.length})`;
/** Busy groups are busy: group numbers are skewed towards the low ones. */
const skewedGroup = (label: string, n: string, power = 1.6) => `(1 + floor(${SIZES.groups} * power(${r(label, n)}, ${power}))::int)`;
/** The creator (and owner) of group g. */
const groupOwner = (g: string) => `((${g}) * 97 % ${SIZES.members} + 1)`;

export interface SeedStep {
  name: string;
  /** Statements run in order; a step with chunks runs `chunk(from, to)` over [1, total]. */
  statements?: string[];
  chunked?: { total: number; size: number; statement: (from: number, to: number) => string };
  rows?: string;
}

export function seedSteps(passwordHash: string): SeedStep[] {
  const nb = quoteList(NEIGHBOURHOODS);
  const { places, start, count } = placesByNeighbourhood();
  const pName = quoteList(places.map((p) => p.name));
  const pAddress = quoteList(places.map((p) => p.address));
  const pNb = quoteList(places.map((p) => p.neighbourhood));
  const pLat = `array[${places.map((p) => p.latitude).join(", ")}]::float8[]`;
  const pLng = `array[${places.map((p) => p.longitude).join(", ")}]::float8[]`;
  const pStepFree = `array[${places.map((p) => p.stepFree).join(", ")}]`;
  const pSeating = `array[${places.map((p) => p.seatingAvailable).join(", ")}]`;
  const topicNames = quoteList(TOPICS.map((t) => t[0]));
  const topicKinds = quoteList(TOPICS.map((t) => t[1]));
  const kinds = `array['volunteer','walk','hobby']`;
  const hash = passwordHash.replace(/'/g, "''");
  const M = SIZES.members;
  const G = SIZES.groups;
  const A = SIZES.activities;

  return [
    {
      name: "members",
      rows: "users",
      chunked: {
        total: M,
        size: 5_000,
        statement: (from, to) => `
          insert into users (id, email, name, password_hash, neighbourhood, listed_as_going, timezone, bio, created_at)
          select ${id("u", "n")}, 'member-' || n || '@${BENCH_EMAIL_DOMAIN}',
                 (${quoteList(FIRST)})[1 + n % ${FIRST.length}] || ' ' || (${quoteList(LAST)})[1 + (n / ${FIRST.length}) % ${LAST.length}],
                 '${hash}', (${nb})[1 + ${h("un", "n", NEIGHBOURHOODS.length)}], ${h("ul", "n", 10)} < 3, 'Europe/London', '',
                 now() - ${h("uc", "n", 700)} * interval '1 day'
          from generate_series(${from}, ${to}) n`,
      },
    },
    {
      name: "groups and memberships",
      rows: "memberships",
      statements: [
        `insert into groups (id, slug, name, about, visibility, join_policy, neighbourhood, invite_code, created_by_id, created_at)
         select ${id("g", "g")},
                'bench-' || g || '-' || lower(regexp_replace((${nb})[${groupNb("g")}] || ' ' || (${topicNames})[${groupTopic("g")}], '[^a-zA-Z]+', '-', 'g')),
                (${nb})[${groupNb("g")}] || ' ' || (${topicNames})[${groupTopic("g")}] || case when g > ${NEIGHBOURHOODS.length * TOPICS.length} then ' ' || (1 + (g - 1) / ${NEIGHBOURHOODS.length * TOPICS.length}) else '' end,
                'A friendly group in ' || (${nb})[${groupNb("g")}] || '. Everyone is welcome, whatever their energy on the day.',
                (case when g % 8 = 0 then 'private' else 'public' end)::group_visibility,
                (case when g % 5 = 1 then 'approval' else 'open' end)::join_policy,
                (${nb})[${groupNb("g")}],
                case when g % 8 = 0 then md5('bench-invite-' || g) end,
                ${id("u", groupOwner("g"))}, now() - interval '2 years'
         from generate_series(1, ${G}) g`,
        // Owners, two organizers each, then members: every member joins up to four groups, busy groups more often.
        `insert into memberships (group_id, user_id, role, status, agreements_accepted_at, created_at)
         select ${id("g", "g")}, ${id("u", "u")}, role::membership_role, 'active', now() - interval '2 years', now() - interval '2 years'
         from generate_series(1, ${G}) g,
              lateral (values (${groupOwner("g")}, 'owner'), ((g * 131 + 7) % ${M} + 1, 'organizer'), ((g * 173 + 11) % ${M} + 1, 'organizer')) o(u, role)
         on conflict do nothing`,
        `insert into memberships (group_id, user_id, role, status, agreements_accepted_at, created_at)
         select ${id("g", skewedGroup("um", "n || '-' || i"))}, ${id("u", "n")}, 'member',
                (case when ${h("us", "n || '-' || i", 20)} = 0 then 'pending' else 'active' end)::membership_status,
                case when ${h("us", "n || '-' || i", 20)} = 0 then null else now() - ${h("ut", "n", 365)} * interval '1 day' end,
                now() - ${h("ut", "n", 365)} * interval '1 day'
         from generate_series(1, ${M}) n, generate_series(1, 4) i
         where i <= ${h("uk", "n", 5)}
         on conflict do nothing`,
        // The signed-in bench member belongs to the five busiest groups and a private one.
        `insert into memberships (group_id, user_id, role, status, agreements_accepted_at)
         select ${id("g", "g")}, ${id("u", "1")}, 'member', 'active', now() - interval '1 year'
         from unnest(array[1, 2, 3, 4, 5, 8]) g
         on conflict (group_id, user_id) do update set status = 'active', agreements_accepted_at = excluded.agreements_accepted_at`,
      ],
    },
    {
      name: "projects, tasks and claims",
      rows: "task_claims",
      statements: [
        `insert into projects (id, group_id, title, goal, description, status, completed_at, created_by_id, created_at, updated_at)
         select ${id("p", "p")}, ${id("g", `1 + (p - 1) % ${G}`)},
                (array['Spring clean-up', 'Winter coats drive', 'Garden beds rebuild', 'Reading corner', 'Bench repairs'])[1 + (p - 1) / ${G}],
                'Done together, a little at a time.', 'Tasks anyone can pick up, from home or on the day.',
                s::project_status, case when s = 'done' then now() - interval '30 days' end,
                ${id("u", groupOwner(`1 + (p - 1) % ${G}`))}, now() - interval '300 days', now() - interval '30 days'
         from generate_series(1, ${SIZES.projects}) p,
              lateral (select case when ${h("ps", "p", 20)} < 3 then 'done' when ${h("ps", "p", 20)} < 6 then 'planning' else 'active' end) x(s)`,
        `insert into tasks (id, project_id, title, places_needed, effort, from_home, estimated_hours, window_start, window_end, created_at)
         select ${id("t", "t")}, ${id("p", `1 + (t - 1) % ${SIZES.projects}`)},
                (array['Sort donations', 'Make tea for helpers', 'Phone round', 'Paint the fence', 'Carry compost', 'Write the newsletter', 'Mend a chair', 'Hand out leaflets'])[1 + ${h("tt", "t", 8)}],
                1 + ${h("tp", "t", 4)}, (array['low', 'medium', 'high']::energy_level[])[1 + ${h("te", "t", 3)}], ${h("th", "t", 4)} = 0,
                1 + ${h("tx", "t", 4)}, now() + (${h("tw", "t", 120)} - 60) * interval '1 day', now() + (${h("tw", "t", 120)} - 53) * interval '1 day',
                now() - interval '200 days'
         from generate_series(1, ${SIZES.tasks}) t`,
        // Claims: up to the places needed; done projects' claims are verified with their hours.
        `insert into task_claims (task_id, user_id, status, hours, done_at, verified_at, verified_by_id, created_at)
         select ${id("t", "t")}, ${id("u", `(${h("tu", "t", M)} + j * 1013) % ${M} + 1`)}, st::task_claim_status,
                case when st = 'verified' then 1 + ${h("tx", "t", 4)} end,
                case when st in ('done', 'verified') then now() - interval '20 days' end,
                case when st = 'verified' then now() - interval '19 days' end,
                case when st = 'verified' then ${id("u", groupOwner(`1 + ((t - 1) % ${SIZES.projects}) % ${G}`))} end,
                now() - interval '60 days'
         from generate_series(1, ${SIZES.tasks}) t,
              generate_series(0, 3) j,
              lateral (select case when ${h("ps", `1 + (t - 1) % ${SIZES.projects}`, 20)} < 3 then 'verified'
                                   when ${h("cs", "t || '-' || j", 20)} < 3 then 'verified'
                                   when ${h("cs", "t || '-' || j", 20)} < 8 then 'done'
                                   else 'claimed' end) s(st)
         where j < ${h("tc", "t", 5)} and j < 1 + ${h("tp", "t", 4)}`,
        `update tasks t set claimed_count = c.n from (select task_id, count(*)::int n from task_claims group by task_id) c where c.task_id = t.id`,
      ],
    },
    {
      name: "activities",
      rows: "activities",
      chunked: {
        total: A,
        size: 10_000,
        // Evenly over a year, nine months back and three ahead (so a quarter upcoming), between 9:00 and 20:00 town time.
        statement: (from, to) => `
          insert into activities (id, group_id, project_id, kind, title, description, starts_at, ends_at, timezone, place_name, address, neighbourhood,
                                  latitude, longitude, online_url, capacity, energy_level, talk_level, late_arrival_ok, step_free, seating_available,
                                  quiet_space, substance_free, first_timer_friendly, status, cancelled_at, hidden_at, created_by_id, created_at, updated_at)
          select ${id("a", "n")}, ${id("g", "g")},
                 case when k = 'volunteer' and ${h("ap", "n", 5)} = 0 then ${id("p", `g + ${G} * ${h("apk", "n", SIZES.projects / G)}`)} end,
                 k,
                 case k when 'walk' then (${quoteList(TITLES.walk)})[1 + ${h("at", "n", 8)}]
                        when 'volunteer' then (${quoteList(TITLES.volunteer)})[1 + ${h("at", "n", 8)}]
                        else (${quoteList(TITLES.hobby)})[1 + ${h("at", "n", 8)}] end,
                 (${quoteList(DESCRIPTIONS)})[1 + ${h("adx", "n", DESCRIPTIONS.length)}] || E'\\n\\n' || (${quoteList(DESCRIPTIONS)})[1 + ${h("ady", "n", DESCRIPTIONS.length)}],
                 s, s + d, 'Europe/London',
                 case when online then '' else (${pName})[pl] end, case when online then '' else (${pAddress})[pl] end,
                 case when online then null else (${pNb})[pl] end,
                 case when online then null else (${pLat})[pl] end, case when online then null else (${pLng})[pl] end,
                 case when online then 'https://meet.example.org/bench-' || n end,
                 case when ${h("ac", "n", 10)} < 4 then null else 6 + ${h("acn", "n", 30)} end,
                 (array['low', 'low', 'medium', 'medium', 'high'])[1 + ${h("ae", "n", 5)}]::energy_level,
                 (array['quiet', 'quiet', 'quiet', 'some_chat', 'some_chat', 'some_chat', 'some_chat', 'conversation', 'conversation', 'conversation'])[1 + ${h("ak", "n", 10)}]::talk_level,
                 ${h("al", "n", 10)} < 7, not online and (${pStepFree})[pl], not online and (${pSeating})[pl],
                 ${h("aq", "n", 5)} = 0, ${h("as", "n", 2)} = 0, ${h("af", "n", 5)} < 2,
                 (case when ${h("ax", "n", 100)} < 3 then 'cancelled' else 'scheduled' end)::activity_status,
                 case when ${h("ax", "n", 100)} < 3 then s - interval '2 days' end,
                 case when ${h("ah", "n", 500)} = 0 then s - interval '1 day' end,
                 ${id("u", groupOwner("g"))}, least(now(), s - interval '21 days'), least(now(), s - interval '21 days')
          -- "offset 0" keeps each level computed once per row instead of inlined into every use.
          from (select n, g, k::activity_kind k, online, pl, s, d
                from (select n, ${skewedGroup("ag", "n", 1.5)} as g from generate_series(${from}, ${to}) n offset 0) gg,
                     lateral (select case when ${h("akd", "n", 10)} < 7 then (${topicKinds})[${groupTopic("g")}] else (${kinds})[1 + ${h("akr", "n", 3)}] end as k,
                                     ${h("ao", "n", 10)} = 0 as online,
                                     (array[${start.join(", ")}])[${groupNb("g")}] + ${h("apl", "n", 100)} % (array[${count.join(", ")}])[${groupNb("g")}] as pl,
                                     (date_trunc('day', (now() + (-273.75 + 365.0 * (n - 0.5) / ${A}) * interval '1 day') at time zone 'Europe/London')
                                        + (9 + ${h("ahr", "n", 11)}) * interval '1 hour' + 15 * ${h("amn", "n", 4)} * interval '1 minute') at time zone 'Europe/London' as s,
                                     case when ${h("ad", "n", 100)} = 0 then interval '2 days' else (array[60, 90, 120, 120, 180])[1 + ${h("adm", "n", 5)}] * interval '1 minute' end as d) x
                offset 0) x`,
      },
      // Triggers are off while the seed loads (bench/seed.ts), so the places the hub knows are
      // counted once here, from the rows; each group's saved places come from its own activities
      // (as migration 0017 and db/mutations/saved-places.ts do).
      statements: [
        "select known_places_rebuild()",
        `insert into saved_places (group_id, name, address, neighbourhood, latitude, longitude, last_used_at)
           select distinct on (a.group_id, a.place_name, a.address) a.group_id, a.place_name, a.address, coalesce(a.neighbourhood, ''), a.latitude, a.longitude, least(a.starts_at, now())
           from activities a where a.hidden_at is null and (a.place_name <> '' or a.address <> '')
           order by a.group_id, a.place_name, a.address, (a.latitude is null), a.starts_at desc
           on conflict (group_id, name, address) do nothing`,
      ],
    },
    {
      name: "RSVPs",
      rows: "rsvps",
      chunked: {
        total: A,
        size: 5_000,
        // Exactly ten per activity on average: an odd activity n has 10 + d, the even one after it 10 − d (d in −9…9).
        // Places go in arrival order; past capacity, arrivals wait on the list. Past activities have attendance marked.
        statement: (from, to) => `
          insert into rsvps (activity_id, user_id, status, go_together, offers_to_greet, attendance, attendance_marked_at, created_at, updated_at)
          select id, ${id("u", `(hu + j * 1009) % ${M} + 1`)}, st::rsvp_status, hx % 10 = 0, hx / 10 % 20 = 0,
                 case when marked then (case when hx / 200 % 100 < 85 then 'attended' else 'no_show' end)::attendance end,
                 case when marked then ends_at + interval '1 hour' end,
                 created_at + j * interval '1 hour', created_at + j * interval '1 hour'
          from (select a.id, a.ends_at, a.created_at, j, ${h("au", "n", M)} hu, abs(hashtext(n || '-' || j)) hx, st,
                       st = 'going' and a.ends_at < now() and a.status = 'scheduled' as marked
                from generate_series(${from}, ${to}) n
                     join activities a on a.id = ${id("a", "n")}
                     cross join lateral generate_series(0, (case when n % 2 = 1 then 10 + (${h("am", "n", 19)} - 9) else 10 - (${h("am", "n - 1", 19)} - 9) end) - 1) j
                     cross join lateral (select case when j % 10 = 7 then 'maybe' when j % 10 = 9 then 'not_going'
                                                     when a.capacity is null or j - (j + 2) / 10 - j / 10 < a.capacity then 'going'
                                                     else 'waitlisted' end) s(st)
                offset 0) x`,
      },
      statements: [
        `update activities a set going_count = c.going, waitlist_count = c.waiting
         from (select activity_id, count(*) filter (where status = 'going')::int going, count(*) filter (where status = 'waitlisted')::int waiting from rsvps group by activity_id) c
         where c.activity_id = a.id`,
      ],
    },
    {
      name: "comments",
      rows: "comments",
      statements: [
        `insert into comments (activity_id, author_id, body, created_at)
         select ${id("a", `1 + ${h("ca", "c", A)}`)}, ${id("u", `1 + ${h("cu", "c", M)}`)}, (${quoteList(COMMENTS)})[1 + ${h("cb", "c", COMMENTS.length)}],
                now() - ${h("cd", "c", 270)} * interval '1 day'
         from generate_series(1, ${SIZES.comments}) c`,
        // Each project's discussion, a few comments each.
        `insert into comments (project_id, author_id, body, created_at)
         select ${id("p", `1 + ${h("cp", "c", SIZES.projects)}`)}, ${id("u", `1 + ${h("cpu", "c", M)}`)}, (${quoteList(COMMENTS)})[1 + ${h("cpb", "c", COMMENTS.length)}],
                now() - ${h("cpd", "c", 200)} * interval '1 day'
         from generate_series(1, ${SIZES.projectComments}) c`,
      ],
    },
    {
      name: "connection plans",
      rows: "connection_plans",
      statements: [
        // Half the members keep a plan; member 1 (the one the benchmark signs in as) among them.
        `insert into connection_plans (user_id, weekly_total_goal, weekly_low_energy_goal, weekly_shared_purpose_goal, free_times, interests, usual_energy, interest_kinds, updated_at)
         select ${id("u", "n")}, 1 + ${h("cg", "n", 3)}, ${h("cl", "n", 2)}, ${h("cs", "n", 2)},
                '[{"day": 6, "from": "09:00", "to": "12:00"}, {"day": 3, "from": "17:00", "to": "20:00"}]'::jsonb,
                case ${h("ci", "n", 3)} when 0 then array['garden', 'walk'] when 1 then array['sketching', 'books'] else array['repair', 'tea'] end,
                case when ${h("ce", "n", 4)} = 0 then null else (array['low', 'medium', 'high'])[1 + ${h("cu", "n", 3)}]::energy_level end,
                (case ${h("ck", "n", 3)} when 0 then array['walk'] when 1 then array['volunteer', 'hobby'] else array[]::text[] end)::activity_kind[],
                now() - ${h("cd", "n", 90)} * interval '1 day'
         from generate_series(1, ${M}) n where n = 1 or n % 2 = 0`,
      ],
    },
    {
      name: "partners and check-ins",
      rows: "check_ins",
      statements: [
        // Pair k joins member k with one further on; most pairs are active, some paused or ended.
        `insert into partnerships (id, inviter_id, invitee_id, status, rhythm, weekly_day, timezone, rhythm_since, accepted_at, ended_at, created_at)
         select ${id("pt", "k")}, ${id("u", "k")}, ${id("u", `(k + 1 + ${h("pi", "k", M - 2)}) % ${M} + 1`)}, st::partnership_status,
                (case when ${h("pr", "k", 3)} = 0 then 'daily_message' else 'weekly_meeting' end)::partnership_rhythm, 1 + ${h("pw", "k", 7)}, 'Europe/London',
                now() - (30 + ${h("pa", "k", 300)}) * interval '1 day', now() - (30 + ${h("pa", "k", 300)}) * interval '1 day',
                case when st = 'ended' then now() - ${h("pe", "k", 20)} * interval '1 day' end,
                now() - (31 + ${h("pa", "k", 300)}) * interval '1 day'
         from generate_series(1, ${SIZES.partnerships}) k,
              lateral (select case when k = 1 or ${h("ps", "k", 10)} < 8 then 'active' when ${h("ps", "k", 10)} = 8 then 'paused' else 'ended' end) x(st)
         where (k + 1 + ${h("pi", "k", M - 2)}) % ${M} + 1 <> k`,
        // Check-ins from both of a pair, spread over the time since they paired.
        `insert into check_ins (partnership_id, author_id, note, mood, energy, created_at)
         select p.id, case when i % 2 = 0 then p.inviter_id else p.invitee_id end, 'A quiet week; glad of the walk on Saturday.',
                1 + ${h("km", "p.id::text || i", 5)}, (array['low', 'medium', 'high']::energy_level[])[1 + ${h("ke", "p.id::text || i", 3)}],
                p.accepted_at + (i + 1) * (now() - p.accepted_at) / ${SIZES.checkInsPerPair + 1}
         from partnerships p, generate_series(0, ${SIZES.checkInsPerPair - 1}) i
         where p.status <> 'invited'`,
      ],
    },
    {
      name: "reflections and milestones",
      rows: "reflections",
      statements: [
        // One attended activity in five is reflected on, and every one of member 1's.
        `insert into reflections (activity_id, user_id, feeling, note, created_at)
         select r.activity_id, r.user_id, (array['drained', 'ok', 'lifted', 'lifted'])[1 + ${h("rf", "r.activity_id::text || r.user_id::text", 4)}]::reflection_feeling,
                case when ${h("rn", "r.activity_id::text || r.user_id::text", 3)} = 0 then 'Good to be out.' else '' end, r.attendance_marked_at + interval '2 hours'
         from rsvps r
         where r.attendance = 'attended' and (${h("rs", "r.activity_id::text || r.user_id::text", 5)} = 0 or r.user_id = ${id("u", "1")})`,
        `insert into milestones (user_id, key, created_at)
         select user_id, 'first_activity', min(attendance_marked_at) from rsvps where attendance = 'attended' group by user_id
         union all
         select user_id, 'first_reflection', min(created_at) from reflections group by user_id`,
      ],
    },
    {
      name: "notifications",
      rows: "notifications",
      statements: [
        `insert into notifications (user_id, type, title, body, href, read_at, created_at)
         select ${id("u", `case when n <= 60 then 1 else 1 + ${h("nu", "n", M)} end`)}, 'activity_changed', 'Saturday walk has changed',
                'The time or place has changed. Please check the details before you go.', '/activities',
                case when ${h("nr", "n", 3)} > 0 then now() - ${h("nd", "n", 60)} * interval '1 day' end, now() - ${h("nd", "n", 60)} * interval '1 day' - interval '1 hour'
         from generate_series(1, ${SIZES.notifications}) n`,
      ],
    },
  ];
}
