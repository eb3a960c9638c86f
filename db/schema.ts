import { relations, sql, type SQL } from "drizzle-orm";
import type { Locale } from "../lib/i18n/locales";
import { kindSearchWordsSql } from "../lib/kind-search-words";
import type { RsvpAnswers, RsvpQuestion } from "../lib/rsvp-questions";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  foreignKey,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/*
 * The schema covers the whole product, not only what is built so far, so that later
 * work extends it with migrations instead of rewriting it. Every instant is a
 * `timestamptz`; an activity also keeps its IANA zone so wall-clock times can be
 * shown (and recurring series generated) in the zone where it happens.
 */

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => ts("created_at").notNull().defaultNow();

export const siteRole = pgEnum("site_role", ["member", "admin"]);
export const activityKind = pgEnum("activity_kind", ["volunteer", "walk", "hobby"]);
export const energyLevel = pgEnum("energy_level", ["low", "medium", "high"]);
export const talkLevel = pgEnum("talk_level", ["quiet", "some_chat", "conversation"]);
export const activityStatus = pgEnum("activity_status", ["scheduled", "cancelled"]);
export const groupVisibility = pgEnum("group_visibility", ["public", "private"]);
export const joinPolicy = pgEnum("join_policy", ["open", "approval"]);
export const membershipRole = pgEnum("membership_role", ["owner", "organizer", "member"]);
export const membershipStatus = pgEnum("membership_status", ["active", "pending", "banned"]);
export const rsvpStatus = pgEnum("rsvp_status", ["going", "waitlisted", "maybe", "not_going"]);
export const attendance = pgEnum("attendance", ["attended", "no_show"]);
export const recurrenceFrequency = pgEnum("recurrence_frequency", ["weekly", "biweekly", "monthly_nth_weekday"]);
export const standingStatus = pgEnum("standing_status", ["active", "paused"]);
export const taskClaimStatus = pgEnum("task_claim_status", ["claimed", "done", "verified"]);
export const projectStatus = pgEnum("project_status", ["planning", "active", "done"]);
export const partnershipStatus = pgEnum("partnership_status", ["invited", "active", "paused", "ended", "declined"]);
export const partnershipRhythm = pgEnum("partnership_rhythm", ["daily_message", "weekly_meeting"]);
export const reflectionFeeling = pgEnum("reflection_feeling", ["drained", "ok", "lifted"]);
export const reportTarget = pgEnum("report_target", ["activity", "comment", "group", "member", "project", "question"]);
export const reportStatus = pgEnum("report_status", ["open", "actioned", "dismissed"]);
export const outboxStatus = pgEnum("outbox_status", ["pending", "sent", "failed"]);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Stored lower-cased and trimmed; the unique index is on this column. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: siteRole("role").notNull().default("member"),
    bio: text("bio").notNull().default(""),
    neighbourhood: text("neighbourhood"),
    /** Opt-in: other signed-in members may see this name on "who's going" lists. */
    listedAsGoing: boolean("listed_as_going").notNull().default(false),
    timezone: text("timezone"),
    /** Bumped on password change and sign-out everywhere; sessions carrying an older value end. */
    sessionVersion: integer("session_version").notNull().default(0),
    unsubscribeToken: text("unsubscribe_token").notNull().default(sql`md5(random()::text || clock_timestamp()::text)`),
    suspendedAt: ts("suspended_at"),
    /** Why an admin suspended the account: shown to the member on the sign-in page. */
    suspendedReason: text("suspended_reason"),
    /**
     * When the member showed the email is theirs (by a link sent to it, or a provider that
     * vouches for it); null until then, and until then the hub emails them only that link and
     * password resets. Sign-up writes null; seeded and earlier accounts count as confirmed.
     */
    emailVerifiedAt: ts("email_verified_at").defaultNow(),
    /** The language they chose (lib/i18n/locales.ts); null: as their browser asks. */
    locale: text("locale"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email), check("users_locale_known", sql`${t.locale} is null or ${t.locale} in ('en', 'es')`)],
);

export const groups = pgTable(
  "groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    about: text("about").notNull().default(""),
    agreements: text("agreements").notNull().default(""),
    visibility: groupVisibility("visibility").notNull().default("public"),
    joinPolicy: joinPolicy("join_policy").notNull().default("open"),
    neighbourhood: text("neighbourhood"),
    /**
     * The secret part of a private group's invite link (/groups/<slug>/join?invite=<code>).
     * The slug is guessable, so it alone lets no one in; replacing the code ends old links.
     */
    inviteCode: text("invite_code"),
    /** Visitors may RSVP with a first name and an email (public groups only; private groups never). */
    guestRsvps: boolean("guest_rsvps").notNull().default(true),
    hiddenAt: ts("hidden_at"),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("groups_slug_key").on(t.slug), uniqueIndex("groups_invite_code_key").on(t.inviteCode)],
);

export const memberships = pgTable(
  "memberships",
  {
    groupId: uuid("group_id").notNull().references(() => groups.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    role: membershipRole("role").notNull().default("member"),
    status: membershipStatus("status").notNull().default("active"),
    /** When the member accepted the group's agreements; required before becoming active. */
    agreementsAcceptedAt: ts("agreements_accepted_at"),
    /** Why organizers banned this member: for the group's organizers only, never shown to the member or anyone else. */
    banReason: text("ban_reason"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

export const projects = pgTable(
  "projects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id").notNull().references(() => groups.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    goal: text("goal").notNull().default(""),
    /** Markdown; rendered without raw HTML. */
    description: text("description").notNull().default(""),
    status: projectStatus("status").notNull().default("active"),
    /** Optional calendar days the project runs between (no time of day, so no zone to shift them). */
    startsOn: date("starts_on"),
    endsOn: date("ends_on"),
    /** Set when the project is marked done, cleared when it is reopened. */
    completedAt: ts("completed_at"),
    hiddenAt: ts("hidden_at"),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("projects_group_idx").on(t.groupId),
    index("projects_status_idx").on(t.status),
    check("projects_ends_after_start", sql`${t.endsOn} is null or ${t.startsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** A recurring series; its occurrences are ordinary activities generated ahead of time. */
export const series = pgTable("series", {
  id: uuid("id").primaryKey().defaultRandom(),
  groupId: uuid("group_id").notNull().references(() => groups.id, { onDelete: "cascade" }),
  frequency: recurrenceFrequency("frequency").notNull(),
  /** RFC 5545 RRULE text, evaluated in `timezone` so local wall-clock time survives DST. */
  rrule: text("rrule").notNull(),
  timezone: text("timezone").notNull(),
  /** Local start time "HH:MM" and duration, applied to every generated occurrence. */
  localStartTime: text("local_start_time").notNull(),
  durationMinutes: integer("duration_minutes").notNull(),
  generatedUntil: ts("generated_until").notNull(),
  endedAt: ts("ended_at"),
  createdAt: createdAt(),
});

export const activities = pgTable(
  "activities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id").notNull().references(() => groups.id, { onDelete: "cascade" }),
    seriesId: uuid("series_id").references(() => series.id, { onDelete: "set null" }),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "set null" }),
    kind: activityKind("kind").notNull(),
    title: text("title").notNull(),
    /** Markdown; rendered without raw HTML. */
    description: text("description").notNull().default(""),
    startsAt: ts("starts_at").notNull(),
    endsAt: ts("ends_at").notNull(),
    timezone: text("timezone").notNull(),
    placeName: text("place_name").notNull().default(""),
    address: text("address").notNull().default(""),
    neighbourhood: text("neighbourhood"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    onlineUrl: text("online_url"),
    meetingPoint: text("meeting_point"),
    /** Null means unlimited. */
    capacity: integer("capacity"),
    rsvpCutoff: ts("rsvp_cutoff"),
    energyLevel: energyLevel("energy_level").notNull(),
    talkLevel: talkLevel("talk_level").notNull(),
    lateArrivalOk: boolean("late_arrival_ok").notNull().default(true),
    stepFree: boolean("step_free").notNull().default(false),
    seatingAvailable: boolean("seating_available").notNull().default(false),
    quietSpace: boolean("quiet_space").notNull().default(false),
    substanceFree: boolean("substance_free").notNull().default(false),
    firstTimerFriendly: boolean("first_timer_friendly").notNull().default(false),
    status: activityStatus("status").notNull().default("scheduled"),
    cancelledAt: ts("cancelled_at"),
    /** Kept equal to the number of RSVPs with status "going" by the RSVP mutation, which owns it. */
    goingCount: integer("going_count").notNull().default(0),
    waitlistCount: integer("waitlist_count").notNull().default(0),
    /**
     * Attendance of members who have since deleted their accounts: their RSVP rows are gone,
     * so the totals an organizer sees keep them here as numbers with no one behind them.
     */
    formerAttended: integer("former_attended").notNull().default(0),
    formerNoShow: integer("former_no_show").notNull().default(0),
    /** iCalendar SEQUENCE: bumped on every edit that attendees should see. */
    sequence: integer("sequence").notNull().default(0),
    hiddenAt: ts("hidden_at"),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    /** The named host: an organizer of the group (the creator unless another is chosen). */
    hostId: uuid("host_id").references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    /** Questions on RSVP (a handful at most), asked of members saying they're going; see lib/rsvp-questions.ts. */
    rsvpQuestions: jsonb("rsvp_questions").$type<RsvpQuestion[]>().notNull().default([]),
    /** How many time slots it has (activitySlots); kept by the slot mutations. Zero: no slots. */
    slotCount: integer("slot_count").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    search: tsvector("search").generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('english', coalesce(${activities.title}, '')), 'A') || setweight(to_tsvector('english', coalesce(${activities.placeName}, '') || ' ' || coalesce(${activities.neighbourhood}, '')), 'B') || setweight(to_tsvector('english', coalesce(${activities.description}, '')), 'C') || setweight(to_tsvector('english', ${sql.raw(kindSearchWordsSql(`"activities"."kind"`))}), 'D')`,
    ),
  },
  (t) => [
    // With ends_at beside starts_at, "not yet ended" is checked in the index itself: the listing
    // walks from two weeks back (the longest an activity runs) without reading ended rows.
    index("activities_starts_ends_idx").on(t.startsAt, t.endsAt),
    index("activities_kind_starts_at_idx").on(t.kind, t.startsAt),
    index("activities_group_starts_at_idx").on(t.groupId, t.startsAt),
    index("activities_series_idx").on(t.seriesId, t.startsAt),
    // A project's work days; most activities belong to no project, so only theirs are indexed.
    index("activities_project_starts_at_idx").on(t.projectId, t.startsAt).where(sql`${t.projectId} is not null`),
    index("activities_search_idx").using("gin", t.search),
    index("activities_location_idx").on(t.latitude, t.longitude),
    // The account page counts what a member has organised, and deleting a member clears the column.
    index("activities_created_by_idx").on(t.createdById).where(sql`${t.createdById} is not null`),
    index("activities_host_idx").on(t.hostId).where(sql`${t.hostId} is not null`),
    check("activities_capacity_positive", sql`${t.capacity} is null or ${t.capacity} > 0`),
    check("activities_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
    check("activities_going_count_nonnegative", sql`${t.goingCount} >= 0`),
  ],
);

/*
 * The places the hub knows (db/queries/places.ts): the public activities with coordinates,
 * counted by place and by neighbourhood, with the sums of their coordinates (a middle is a sum
 * over its count). Written only by triggers on activities and groups (migration 0013), so every
 * write that adds, moves or hides a public place (an organizer's edit, a moderator's hide, a
 * group made private) keeps them exact in its own transaction. Sums are numeric so that adding
 * and taking away the same coordinates leaves no rounding behind.
 */

/** One row per public place: its neighbourhood ("" when none), name and address. */
export const knownPlaces = pgTable(
  "known_places",
  {
    neighbourhood: text("neighbourhood").notNull(),
    placeName: text("place_name").notNull(),
    address: text("address").notNull(),
    activityCount: integer("activity_count").notNull(),
    latitudeSum: numeric("latitude_sum").notNull(),
    longitudeSum: numeric("longitude_sum").notNull(),
  },
  (t) => [primaryKey({ columns: [t.neighbourhood, t.placeName, t.address] })],
);

/** One row per neighbourhood named by a public place. */
export const knownNeighbourhoods = pgTable("known_neighbourhoods", {
  name: text("name").primaryKey(),
  activityCount: integer("activity_count").notNull(),
  latitudeSum: numeric("latitude_sum").notNull(),
  longitudeSum: numeric("longitude_sum").notNull(),
});

/*
 * A group's saved places (migration 0017): the places its organizers have used, for the activity
 * form to offer again. Beside known_places, not part of them: those are the hub's public places,
 * offered to every group; these belong to one group and are offered to its organizers alone.
 */
export const savedPlaces = pgTable(
  "saved_places",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id").notNull().references(() => groups.id, { onDelete: "cascade" }),
    name: text("name").notNull().default(""),
    address: text("address").notNull().default(""),
    /** "" when none. */
    neighbourhood: text("neighbourhood").notNull().default(""),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    createdAt: createdAt(),
    lastUsedAt: ts("last_used_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("saved_places_group_place_idx").on(t.groupId, t.name, t.address),
    index("saved_places_group_used_idx").on(t.groupId, t.lastUsedAt.desc()),
    check("saved_places_point_whole", sql`(${t.latitude} is null) = (${t.longitude} is null)`),
    check("saved_places_named", sql`${t.name} <> '' or ${t.address} <> ''`),
  ],
);

export type SavedPlace = typeof savedPlaces.$inferSelect;

export const rsvps = pgTable(
  "rsvps",
  {
    activityId: uuid("activity_id").notNull().references(() => activities.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    status: rsvpStatus("status").notNull(),
    /** Arrival order on the waitlist; positions are ranks over this among waitlisted rows. */
    waitlistSeq: bigserial("waitlist_seq", { mode: "number" }),
    goTogether: boolean("go_together").notNull().default(false),
    offersToGreet: boolean("offers_to_greet").notNull().default(false),
    greeterId: uuid("greeter_id").references(() => users.id, { onDelete: "set null" }),
    fromStandingPlace: boolean("from_standing_place").notNull().default(false),
    attendance: attendance("attendance"),
    attendanceMarkedAt: ts("attendance_marked_at"),
    /** Answers to the activity's questions on RSVP, by question id: organizers and the member alone see them. */
    answers: jsonb("answers").$type<RsvpAnswers>().notNull().default({}),
    /** When the member said "Yes, I'm coming" from the day-before reminder. */
    stillComingAt: ts("still_coming_at"),
    /** Set when an organizer recorded the member as a walk-in (turned up without an RSVP); see db/mutations/walk-ins.ts. */
    walkedInAt: ts("walked_in_at"),
    /** The member's answer before the walk-in (null: none), so removing a walk-in recorded by mistake restores it. */
    statusBeforeWalkIn: rsvpStatus("status_before_walk_in"),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.userId] }),
    index("rsvps_user_idx").on(t.userId),
    index("rsvps_activity_status_idx").on(t.activityId, t.status, t.waitlistSeq),
  ],
);

/**
 * The day-before reminder's one-click links, "Yes, I'm coming" and "Free my place" (migration 0020):
 * one per RSVP and purpose, only the SHA-256 of the token kept, each working once until the
 * activity starts (db/mutations/still-coming.ts). They go with the RSVP.
 */
export const rsvpLinks = pgTable(
  "rsvp_links",
  {
    tokenHash: text("token_hash").primaryKey(),
    activityId: uuid("activity_id").notNull(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose").$type<"coming" | "free">().notNull(),
    expiresAt: ts("expires_at").notNull(),
    usedAt: ts("used_at"),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ name: "rsvp_links_rsvp_fk", columns: [t.activityId, t.userId], foreignColumns: [rsvps.activityId, rsvps.userId] }).onDelete("cascade"),
    check("rsvp_links_purpose", sql`${t.purpose} in ('coming', 'free')`),
    uniqueIndex("rsvp_links_rsvp_purpose_key").on(t.activityId, t.userId, t.purpose),
    index("rsvp_links_user_idx").on(t.userId),
  ],
);

/**
 * A visitor's RSVP, by first name and email, to a public group's activity (db/mutations/guest-rsvps.ts).
 * It takes a place by the same rules, under the same activity row lock, as a member's (its place
 * counts in the activity's going and waitlist counts, and its waitlist_seq comes from the rsvps
 * sequence, so members and guests queue in one line). Until `confirmed_at` the place is only held,
 * until `hold_expires_at`; an unconfirmed hold is released by a job. A confirmed guest's email is
 * kept only while the activity is ahead: cancelling deletes the row, and so does the activity ending.
 */
export const guestRsvps = pgTable(
  "guest_rsvps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    activityId: uuid("activity_id").notNull().references(() => activities.id, { onDelete: "cascade" }),
    /** Stored lower-cased and trimmed; one guest RSVP per email and activity. */
    email: text("email").notNull(),
    firstName: text("first_name").notNull(),
    /** Only "going" or "waitlisted": a guest either takes a place (or a place in line) or cancels. */
    status: rsvpStatus("status").notNull(),
    waitlistSeq: bigint("waitlist_seq", { mode: "number" }).notNull().default(sql`nextval('rsvps_waitlist_seq_seq')`),
    holdExpiresAt: ts("hold_expires_at"),
    confirmedAt: ts("confirmed_at"),
    /** Part of every link for this RSVP; a new value ends the old links. */
    tokenNonce: text("token_nonce").notNull().default(sql`md5(random()::text || clock_timestamp()::text)`),
    /** The language of the request they RSVP'd from (lib/i18n/locales.ts): their emails are written in it. */
    locale: text("locale").$type<Locale>().notNull().default("en"),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("guest_rsvps_activity_email_key").on(t.activityId, t.email),
    index("guest_rsvps_activity_status_idx").on(t.activityId, t.status, t.waitlistSeq),
    index("guest_rsvps_email_idx").on(t.email),
    index("guest_rsvps_hold_idx").on(t.holdExpiresAt).where(sql`${t.confirmedAt} is null`),
    check("guest_rsvps_held_or_confirmed", sql`${t.confirmedAt} is not null or ${t.holdExpiresAt} is not null`),
    check("guest_rsvps_takes_a_place", sql`${t.status} in ('going', 'waitlisted')`),
    check("guest_rsvps_locale_known", sql`${t.locale} in ('en', 'es')`),
  ],
);

/**
 * A time slot (a shift) of an activity, with its own places (null: no limit) and its own
 * waitlist. Its counts are kept by db/mutations/slots.ts, under the activity row's lock.
 */
export const activitySlots = pgTable(
  "activity_slots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    activityId: uuid("activity_id").notNull().references(() => activities.id, { onDelete: "cascade" }),
    startsAt: ts("starts_at").notNull(),
    endsAt: ts("ends_at").notNull(),
    /** Null means unlimited. */
    capacity: integer("capacity"),
    goingCount: integer("going_count").notNull().default(0),
    waitlistCount: integer("waitlist_count").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index("activity_slots_activity_idx").on(t.activityId, t.startsAt),
    check("activity_slots_capacity_positive", sql`${t.capacity} is null or ${t.capacity} > 0`),
    check("activity_slots_counts_not_negative", sql`${t.goingCount} >= 0 and ${t.waitlistCount} >= 0`),
  ],
);

/** A member's place in a time slot: going, or waiting in that slot's own line. */
export const slotSignups = pgTable(
  "slot_signups",
  {
    slotId: uuid("slot_id").notNull().references(() => activitySlots.id, { onDelete: "cascade" }),
    activityId: uuid("activity_id").notNull().references(() => activities.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    /** Only "going" or "waitlisted". */
    status: rsvpStatus("status").notNull(),
    /** Arrival order on the slot's waitlist. */
    waitlistSeq: bigserial("waitlist_seq", { mode: "number" }),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.slotId, t.userId] }),
    index("slot_signups_slot_status_idx").on(t.slotId, t.status, t.waitlistSeq),
    index("slot_signups_user_idx").on(t.userId, t.activityId),
    check("slot_signups_takes_a_place", sql`${t.status} in ('going', 'waitlisted')`),
  ],
);

/**
 * A walk-in without an account, recorded by an organizer by first name only (db/mutations/walk-ins.ts).
 * Seen by the group's organizers alone; counted in the activity's attendance figures.
 */
export const walkIns = pgTable(
  "walk_ins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    activityId: uuid("activity_id").notNull().references(() => activities.id, { onDelete: "cascade" }),
    firstName: text("first_name").notNull(),
    recordedById: uuid("recorded_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("walk_ins_activity_idx").on(t.activityId), index("walk_ins_recorded_by_idx").on(t.recordedById).where(sql`${t.recordedById} is not null`)],
);

export const standingPlaces = pgTable(
  "standing_places",
  {
    seriesId: uuid("series_id").notNull().references(() => series.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    status: standingStatus("status").notNull().default("active"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.seriesId, t.userId] })],
);

export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    placesNeeded: integer("places_needed").notNull().default(1),
    /**
     * Kept equal to the number of claims plus `formerVerifiedPlaces` by the task-claim
     * mutation, which owns it.
     */
    claimedCount: integer("claimed_count").notNull().default(0),
    /**
     * Verified places of members who have since deleted their accounts, and their hours: the
     * work was done, so the task stays filled and the project's hours stay, with no one named.
     */
    formerVerifiedPlaces: integer("former_verified_places").notNull().default(0),
    formerVerifiedHours: numeric("former_verified_hours", { precision: 8, scale: 2 }).notNull().default("0"),
    effort: energyLevel("effort").notNull().default("medium"),
    windowStart: ts("window_start"),
    windowEnd: ts("window_end"),
    dueOn: date("due_on"),
    fromHome: boolean("from_home").notNull().default(false),
    estimatedHours: numeric("estimated_hours", { precision: 6, scale: 2 }),
    createdAt: createdAt(),
  },
  (t) => [
    index("tasks_project_idx").on(t.projectId),
    check("tasks_places_positive", sql`${t.placesNeeded} > 0`),
    check("tasks_claims_within_places", sql`${t.claimedCount} <= ${t.placesNeeded}`),
  ],
);

/**
 * One member's place on a task. A row is a taken place whatever its status, so
 * `tasks.claimed_count` counts all of them. Volunteer hours are the `hours` of rows
 * with status "verified": recorded by an organizer at `verified_at` (by `verified_by_id`),
 * defaulting to the task's estimate. Unverified rows never carry hours.
 */
export const taskClaims = pgTable(
  "task_claims",
  {
    taskId: uuid("task_id").notNull().references(() => tasks.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    status: taskClaimStatus("status").notNull().default("claimed"),
    assignedById: uuid("assigned_by_id").references(() => users.id, { onDelete: "set null" }),
    /** Volunteer hours actually given, set only when verified. */
    hours: numeric("hours", { precision: 6, scale: 2 }),
    doneAt: ts("done_at"),
    /** When an organizer verified the hours; the instant volunteer hours count from. */
    verifiedAt: ts("verified_at"),
    verifiedById: uuid("verified_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.userId] }),
    index("task_claims_user_idx").on(t.userId),
    index("task_claims_user_verified_idx").on(t.userId, t.verifiedAt),
    check("task_claims_hours_when_verified", sql`(${t.status} = 'verified') = (${t.hours} is not null and ${t.verifiedAt} is not null)`),
    check("task_claims_hours_range", sql`${t.hours} is null or (${t.hours} > 0 and ${t.hours} <= 1000)`),
  ],
);

export const comments = pgTable(
  "comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    activityId: uuid("activity_id").references(() => activities.id, { onDelete: "cascade" }),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    /** Markdown; rendered without raw HTML, links marked nofollow ugc. */
    body: text("body").notNull(),
    editedAt: ts("edited_at"),
    /** Set when an organizer of the group (or an admin) hides it; it then shows as "removed by an organizer". */
    removedAt: ts("removed_at"),
    removedById: uuid("removed_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("comments_activity_idx").on(t.activityId, t.createdAt),
    index("comments_project_idx").on(t.projectId, t.createdAt),
    // The account page counts a member's comments; deleting a member removes them.
    index("comments_author_idx").on(t.authorId),
    check("comments_one_target", sql`(${t.activityId} is null) <> (${t.projectId} is null)`),
  ],
);

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    href: text("href"),
    activityId: uuid("activity_id").references(() => activities.id, { onDelete: "cascade" }),
    readAt: ts("read_at"),
    createdAt: createdAt(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);

export const emailPreferences = pgTable(
  "email_preferences",
  {
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    enabled: boolean("enabled").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.type] })],
);

/** Every email is written here first, in the same transaction as its cause; a sender drains it. */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    toAddress: text("to_address").notNull(),
    type: text("type").notNull(),
    subject: text("subject").notNull(),
    bodyText: text("body_text").notNull(),
    bodyHtml: text("body_html").notNull().default(""),
    /** Activity emails carry that activity's calendar entry, built when the message is sent. */
    activityId: uuid("activity_id").references(() => activities.id, { onDelete: "set null" }),
    /** Makes "sent exactly once" a database rule: the same cause cannot enqueue twice. */
    dedupeKey: text("dedupe_key").notNull(),
    status: outboxStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /**
     * When the row may next be tried. A sender claiming it moves this forward by its lease,
     * so a sender that dies mid-send leaves the row to be tried again after the lease.
     */
    nextAttemptAt: ts("next_attempt_at").notNull().defaultNow(),
    lastError: text("last_error"),
    /** The Message-ID header, fixed per row so a retried send is recognisably the same message. */
    messageId: text("message_id"),
    sentAt: ts("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("email_outbox_dedupe_key").on(t.dedupeKey),
    index("email_outbox_status_idx").on(t.status, t.createdAt),
    index("email_outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
  ],
);

/**
 * Recurring background jobs (sending email, reminders, housekeeping). One row per job name;
 * an instance claims a due row with FOR UPDATE SKIP LOCKED, so across several instances on
 * one PostgreSQL each run happens once.
 */
export const scheduledJobs = pgTable("scheduled_jobs", {
  name: text("name").primaryKey(),
  nextRunAt: ts("next_run_at").notNull().defaultNow(),
  /** While a run is in progress, no other instance starts the job before this time. */
  lockedUntil: ts("locked_until"),
  lastStartedAt: ts("last_started_at"),
  lastFinishedAt: ts("last_finished_at"),
  lastError: text("last_error"),
  runs: integer("runs").notNull().default(0),
});

/**
 * One-off steps on the data a migration cannot express (they need the app's own rules), run
 * once per database at start-up (db/data-upgrades.ts): a migration adds the row, start-up runs
 * it and sets `done_at`.
 */
export const dataUpgrades = pgTable("data_upgrades", {
  name: text("name").primaryKey(),
  doneAt: ts("done_at"),
});

/**
 * One row per member, activity and start time once the day-before reminder is given. The
 * primary key makes "exactly once" a database rule; the start time in it means an activity
 * moved to another time is reminded about again, for its new time.
 */
export const activityReminders = pgTable(
  "activity_reminders",
  {
    activityId: uuid("activity_id").notNull().references(() => activities.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    startsAt: ts("starts_at").notNull(),
    sentAt: ts("sent_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.userId, t.startsAt] })],
);

export const partnerships = pgTable(
  "partnerships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    inviterId: uuid("inviter_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    /** Null while an invite link waits for someone to open it; set when they accept. */
    inviteeId: uuid("invitee_id").references(() => users.id, { onDelete: "cascade" }),
    status: partnershipStatus("status").notNull().default("invited"),
    rhythm: partnershipRhythm("rhythm").notNull().default("weekly_meeting"),
    /** ISO weekday (1 = Monday) of a weekly check-in; a weekly period runs from that day to the next one. */
    weeklyDay: smallint("weekly_day").notNull().default(1),
    /** The zone the pair's days and weeks are counted in (the inviter's when invited). */
    timezone: text("timezone").notNull().default("Europe/London"),
    /** SHA-256 of the secret in a member-to-member invite link; cleared once used. */
    inviteCodeHash: text("invite_code_hash"),
    /** Periods that start before this moment are never missed: set on accepting, resuming and changing the rhythm. */
    rhythmSince: ts("rhythm_since"),
    acceptedAt: ts("accepted_at"),
    endedAt: ts("ended_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("partnerships_inviter_idx").on(t.inviterId),
    index("partnerships_invitee_idx").on(t.inviteeId),
    uniqueIndex("partnerships_invite_code_key").on(t.inviteCodeHash),
    check("partnerships_two_people", sql`${t.inviterId} <> ${t.inviteeId}`),
    check("partnerships_weekly_day", sql`${t.weeklyDay} between 1 and 7`),
  ],
);

/**
 * One row per missed check-in period of a pair: the primary key makes "never more than one
 * nudge per missed period" a database rule, whichever app instance runs the job first.
 */
export const partnerNudges = pgTable(
  "partner_nudges",
  {
    partnershipId: uuid("partnership_id").notNull().references(() => partnerships.id, { onDelete: "cascade" }),
    /** Start of the missed period, as an ISO date in the pair's zone. */
    periodStart: text("period_start").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.partnershipId, t.periodStart] })],
);

/** Groups a member left, so suggestions never lean back towards them (cleared on joining again). */
export const groupDepartures = pgTable(
  "group_departures",
  {
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    groupId: uuid("group_id").notNull().references(() => groups.id, { onDelete: "cascade" }),
    leftAt: ts("left_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.groupId] })],
);

export const checkIns = pgTable(
  "check_ins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: uuid("partnership_id").notNull().references(() => partnerships.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    note: text("note").notNull().default(""),
    mood: smallint("mood").notNull(),
    energy: energyLevel("energy").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("check_ins_partnership_idx").on(t.partnershipId, t.createdAt),
    // A member's own check-ins (their weeks with a connection, their milestones).
    index("check_ins_author_idx").on(t.authorId, t.createdAt),
  ],
);

export const connectionPlans = pgTable("connection_plans", {
  userId: uuid("user_id").primaryKey().references(() => users.id, { onDelete: "cascade" }),
  weeklyTotalGoal: smallint("weekly_total_goal").notNull().default(2),
  weeklyLowEnergyGoal: smallint("weekly_low_energy_goal").notNull().default(0),
  weeklySharedPurposeGoal: smallint("weekly_shared_purpose_goal").notNull().default(0),
  /** e.g. [{ "day": 6, "from": "09:00", "to": "12:00" }] with ISO weekdays. */
  freeTimes: jsonb("free_times").$type<{ day: number; from: string; to: string }[]>().notNull().default([]),
  /** Free words ("drawing", "herons"), matched against titles and descriptions. */
  interests: text("interests").array().notNull().default(sql`'{}'::text[]`),
  /** The energy the member usually has; null means "it varies". */
  usualEnergy: energyLevel("usual_energy"),
  interestKinds: activityKind("interest_kinds").array().notNull().default(sql`'{}'::activity_kind[]`),
  interestGroupIds: uuid("interest_group_ids").array().notNull().default(sql`'{}'::uuid[]`),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const reflections = pgTable(
  "reflections",
  {
    activityId: uuid("activity_id").notNull().references(() => activities.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    feeling: reflectionFeeling("feeling").notNull(),
    note: text("note").notNull().default(""),
    createdAt: createdAt(),
  },
  // The primary key leads with the activity: a member's own reflections need their own index.
  (t) => [primaryKey({ columns: [t.activityId, t.userId] }), index("reflections_user_idx").on(t.userId, t.createdAt)],
);

export const milestones = pgTable(
  "milestones",
  {
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    reachedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

/**
 * A member's report about an activity, project, comment, group or member. `reason` is one of
 * REPORT_REASONS (lib/validation/report.ts); `note` is the reporter's optional words. When a
 * moderator decides, `outcome`, `decisionNote`, `resolvedById` and `resolvedAt` record what,
 * why, who and when; hidden content shown again records who and when in `restored*`. A
 * member has at most one open report per item (the partial unique index).
 */
export const reports = pgTable(
  "reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reporterId: uuid("reporter_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    targetType: reportTarget("target_type").notNull(),
    targetId: uuid("target_id").notNull(),
    /** The group whose organizers may moderate this report, when there is one. */
    groupId: uuid("group_id").references(() => groups.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    note: text("note").notNull().default(""),
    status: reportStatus("status").notNull().default("open"),
    outcome: text("outcome"),
    decisionNote: text("decision_note"),
    resolvedById: uuid("resolved_by_id").references(() => users.id, { onDelete: "set null" }),
    resolvedAt: ts("resolved_at"),
    restoredById: uuid("restored_by_id").references(() => users.id, { onDelete: "set null" }),
    restoredAt: ts("restored_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("reports_status_idx").on(t.status, t.createdAt),
    index("reports_group_idx").on(t.groupId),
    index("reports_target_idx").on(t.targetType, t.targetId),
    uniqueIndex("reports_one_open_per_reporter").on(t.reporterId, t.targetType, t.targetId).where(sql`${t.status} = 'open'`),
  ],
);

export const blocks = pgTable(
  "blocks",
  {
    blockerId: uuid("blocker_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    blockedId: uuid("blocked_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.blockerId, t.blockedId] }), index("blocks_blocked_idx").on(t.blockedId)],
);

/** Personal access tokens for the JSON API; only a SHA-256 of the token is stored. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    lastUsedAt: ts("last_used_at"),
    revokedAt: ts("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("api_tokens_hash_key").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)],
);

/** Private calendar subscription feeds (mine, or one group's), behind revocable tokens. */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    groupId: uuid("group_id").references(() => groups.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    revokedAt: ts("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("calendar_feeds_hash_key").on(t.tokenHash)],
);

export const passwordResetTokens = pgTable("password_reset_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  expiresAt: ts("expires_at").notNull(),
  usedAt: ts("used_at"),
  createdAt: createdAt(),
});

/**
 * A picture: the cover of an activity, a group or a project, or a member's photo (exactly one
 * owner column is set, and the row goes with it). Its files, one per width and all WebP with no
 * metadata, live under UPLOADS_DIR named by the id (lib/uploads.ts); a file whose row is gone is
 * removed by the sweep in db/mutations/uploads.ts.
 */
export const uploads = pgTable(
  "uploads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    activityId: uuid("activity_id").references(() => activities.id, { onDelete: "cascade" }),
    groupId: uuid("group_id").references(() => groups.id, { onDelete: "cascade" }),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    uploadedById: uuid("uploaded_by_id").references(() => users.id, { onDelete: "set null" }),
    /** Required for covers; a member's photo is described by their name. */
    alt: text("alt").notNull().default(""),
    widths: integer("widths").array().notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("uploads_activity_key").on(t.activityId).where(sql`${t.activityId} is not null`),
    uniqueIndex("uploads_group_key").on(t.groupId).where(sql`${t.groupId} is not null`),
    uniqueIndex("uploads_project_key").on(t.projectId).where(sql`${t.projectId} is not null`),
    uniqueIndex("uploads_user_key").on(t.userId).where(sql`${t.userId} is not null`),
    index("uploads_uploaded_by_idx").on(t.uploadedById).where(sql`${t.uploadedById} is not null`),
    check("uploads_one_owner", sql`num_nonnulls(${t.activityId}, ${t.groupId}, ${t.projectId}, ${t.userId}) = 1`),
  ],
);

/**
 * "Ask the organizers": one member's private thread with one group's organizers, about the
 * group or one of its activities. Only the asker and the group's organizers ever read it.
 */
export const questions = pgTable(
  "questions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id").notNull().references(() => groups.id, { onDelete: "cascade" }),
    activityId: uuid("activity_id").references(() => activities.id, { onDelete: "set null" }),
    askerId: uuid("asker_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    /** What it is about, as it was called when asked (the activity's or the group's name). */
    subject: text("subject").notNull(),
    lastMessageAt: ts("last_message_at").notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [index("questions_group_idx").on(t.groupId, t.lastMessageAt), index("questions_asker_idx").on(t.askerId, t.lastMessageAt)],
);

export const questionMessages = pgTable(
  "question_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    questionId: uuid("question_id").notNull().references(() => questions.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    /** Written by one of the group's organizers (shown as "the organizers" with their name). */
    fromOrganizers: boolean("from_organizers").notNull(),
    body: text("body").notNull(),
    hiddenAt: ts("hidden_at"),
    createdAt: createdAt(),
  },
  (t) => [index("question_messages_question_idx").on(t.questionId, t.createdAt), index("question_messages_author_idx").on(t.authorId).where(sql`${t.authorId} is not null`)],
);

/**
 * Single-use links sent by email ("confirm your email", "sign in"): only the token's SHA-256 is
 * kept; `email` is the address it went to, the only one it can confirm.
 */
export const emailLinks = pgTable(
  "email_links",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ["verify", "sign_in"] }).notNull(),
    email: text("email").notNull(),
    expiresAt: ts("expires_at").notNull(),
    usedAt: ts("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("email_links_user_idx").on(t.userId), check("email_links_purpose_check", sql`${t.purpose} in ('verify', 'sign_in')`)],
);

/** A member's account at the OpenID Connect provider (single sign-on), named there by issuer and subject. */
export const signInIdentities = pgTable(
  "sign_in_identities",
  {
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    /** The email the provider vouched for when the account was linked. */
    email: text("email").notNull(),
    createdAt: createdAt(),
    lastUsedAt: ts("last_used_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.subject] }), index("sign_in_identities_user_idx").on(t.userId)],
);

/** Fixed-window counters shared by every app instance, so limits hold across processes. */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: ts("window_start").notNull(),
  count: integer("count").notNull(),
});

/**
 * A browser on one of a member's devices that agreed to receive Web Push notifications
 * (db/mutations/push.ts). The endpoint is the push service's address for that browser; the two
 * keys encrypt what is sent to it. Each device has its own choice of kinds and of whether a
 * notification may show the notice's words on a locked screen.
 */
export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    endpoint: text("endpoint").notNull(),
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    /** The browser and system, as its User-Agent named them when it subscribed: the member's list says "Chrome on Android". */
    browser: text("browser"),
    system: text("system"),
    /** The kinds pushed to this device (lib/push/kinds.ts). */
    kinds: text("kinds").array().notNull().default(sql`'{reminder,waitlist,checkin,organizer_message,answer}'::text[]`),
    /** False (the default): the notification says only what kind of notice it is, never a name or a title. */
    showDetails: boolean("show_details").notNull().default(false),
    createdAt: createdAt(),
    lastSuccessAt: ts("last_success_at"),
  },
  (t) => [uniqueIndex("push_subscriptions_endpoint_key").on(t.endpoint), index("push_subscriptions_user_idx").on(t.userId)],
);

/**
 * The push outbox: one row per notice per device, written in the transaction of the notice, so
 * a device is sent a notice at most once (the unique key) and only when the change committed.
 * The payload is rendered when the row is written, in the member's language.
 */
export const pushDeliveries = pgTable(
  "push_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subscriptionId: uuid("subscription_id").notNull().references(() => pushSubscriptions.id, { onDelete: "cascade" }),
    notificationId: uuid("notification_id").notNull().references(() => notifications.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    url: text("url").notNull(),
    status: outboxStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at").notNull().defaultNow(),
    lastError: text("last_error"),
    sentAt: ts("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("push_deliveries_once").on(t.subscriptionId, t.notificationId),
    index("push_deliveries_notification_idx").on(t.notificationId),
    index("push_deliveries_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
  ],
);

export const usersRelations = relations(users, ({ many }) => ({ memberships: many(memberships), rsvps: many(rsvps) }));
export const groupsRelations = relations(groups, ({ many }) => ({
  memberships: many(memberships),
  activities: many(activities),
  projects: many(projects),
}));
export const membershipsRelations = relations(memberships, ({ one }) => ({
  group: one(groups, { fields: [memberships.groupId], references: [groups.id] }),
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
}));
export const activitiesRelations = relations(activities, ({ one, many }) => ({
  group: one(groups, { fields: [activities.groupId], references: [groups.id] }),
  series: one(series, { fields: [activities.seriesId], references: [series.id] }),
  project: one(projects, { fields: [activities.projectId], references: [projects.id] }),
  rsvps: many(rsvps),
}));
export const rsvpsRelations = relations(rsvps, ({ one }) => ({
  activity: one(activities, { fields: [rsvps.activityId], references: [activities.id] }),
  user: one(users, { fields: [rsvps.userId], references: [users.id] }),
}));
export const projectsRelations = relations(projects, ({ one, many }) => ({
  group: one(groups, { fields: [projects.groupId], references: [groups.id] }),
  tasks: many(tasks),
}));
export const tasksRelations = relations(tasks, ({ one, many }) => ({
  project: one(projects, { fields: [tasks.projectId], references: [projects.id] }),
  claims: many(taskClaims),
}));
export const taskClaimsRelations = relations(taskClaims, ({ one }) => ({
  task: one(tasks, { fields: [taskClaims.taskId], references: [tasks.id] }),
  user: one(users, { fields: [taskClaims.userId], references: [users.id] }),
}));

export type User = typeof users.$inferSelect;
export type Group = typeof groups.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Activity = typeof activities.$inferSelect;
export type ActivitySlot = typeof activitySlots.$inferSelect;
export type NewActivity = typeof activities.$inferInsert;
export type Rsvp = typeof rsvps.$inferSelect;
export type GuestRsvp = typeof guestRsvps.$inferSelect;
export type WalkIn = typeof walkIns.$inferSelect;
export type Series = typeof series.$inferSelect;
export type Project = typeof projects.$inferSelect;
export type Task = typeof tasks.$inferSelect;
export type TaskClaim = typeof taskClaims.$inferSelect;
export type Comment = typeof comments.$inferSelect;
export type Partnership = typeof partnerships.$inferSelect;
export type ConnectionPlan = typeof connectionPlans.$inferSelect;
export type Report = typeof reports.$inferSelect;
