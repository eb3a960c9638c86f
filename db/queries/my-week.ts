import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "../client";
import { groupVisibleTo, meetingLinkFor } from "./visibility";

/*
 * "My week" (/me/week), the page the installed app keeps for reading offline: what a member
 * answered going, waiting or "I'll try" to over the next days, with everything needed to get
 * there without the network: the times, the place and meeting point, the host, and the
 * activity and group to ask the organizers through. Only the member's own RSVPs, and only
 * activities they may still see (a private group's for its members; nothing hidden).
 */

export interface MyWeekItem {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  /** The activity's own zone, for "local time there" when it differs from the member's. */
  timezone: string;
  cancelled: boolean;
  myStatus: "going" | "waitlisted" | "maybe";
  placeName: string;
  address: string;
  meetingPoint: string | null;
  /** The online link: the member is going (or organizes), else null (db/queries/visibility.ts). */
  meetingLink: string | null;
  groupName: string;
  groupSlug: string;
  hostName: string | null;
}

interface Row extends Record<string, unknown> {
  id: string;
  title: string;
  startsAtMs: number;
  endsAtMs: number;
  timezone: string;
  status: string;
  myStatus: MyWeekItem["myStatus"];
  placeName: string;
  address: string;
  meetingPoint: string | null;
  meetingLink: string | null;
  groupName: string;
  groupSlug: string;
  hostName: string | null;
}

/** The member's answers for activities not yet over that start before `until`, soonest first (at most 50). */
export async function listMyWeek(userId: string, now: Date, until: Date): Promise<MyWeekItem[]> {
  const db = await getDb();
  const result = (await db.execute(sql`
    select activities.id, activities.title, activities.timezone, activities.status::text as status,
      (extract(epoch from activities.starts_at) * 1000)::float8 as "startsAtMs", (extract(epoch from activities.ends_at) * 1000)::float8 as "endsAtMs",
      r.status::text as "myStatus", activities.place_name as "placeName", activities.address, activities.meeting_point as "meetingPoint",
      ${meetingLinkFor(userId)} as "meetingLink", groups.name as "groupName", groups.slug as "groupSlug", host.name as "hostName"
    from rsvps r
      join activities on activities.id = r.activity_id
      join groups on groups.id = activities.group_id
      left join users host on host.id = activities.host_id
    where r.user_id = ${userId} and r.status in ('going', 'waitlisted', 'maybe')
      and activities.ends_at > ${now} and activities.starts_at < ${until}
      and activities.hidden_at is null and ${groupVisibleTo(userId)}
    order by activities.starts_at asc, activities.id asc
    limit 50`)) as unknown as { rows: Row[] };
  return result.rows.map(({ startsAtMs, endsAtMs, status, ...r }) => ({
    ...r,
    startsAt: new Date(Number(startsAtMs)),
    endsAt: new Date(Number(endsAtMs)),
    cancelled: status === "cancelled",
  }));
}
