import { z } from "zod";
import type { ActivityDetail, ActivitySummary } from "@/db/queries/activities";
import { energyLevels, kinds, talkLevels } from "@/lib/labels";

/** An instant as the API writes it: ISO 8601 in UTC. */
export const instant = z.iso.datetime();
export const visibilitySchema = z.enum(["public", "private"]);

export const activityJsonSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  title: z.string(),
  kind: z.enum(kinds),
  status: z.enum(["scheduled", "cancelled"]),
  startsAt: instant,
  endsAt: instant,
  timezone: z.string().describe("IANA time zone the activity's times are set in."),
  group: z.object({ slug: z.string(), name: z.string(), visibility: visibilitySchema }),
  place: z.object({
    name: z.string(),
    address: z.string(),
    neighbourhood: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    online: z.boolean().describe("Whether it can be joined online."),
  }),
  energyLevel: z.enum(energyLevels),
  talkLevel: z.enum(talkLevels),
  accessibility: z.object({ stepFree: z.boolean(), seatingAvailable: z.boolean(), quietSpace: z.boolean() }),
  lateArrivalOk: z.boolean(),
  substanceFree: z.boolean(),
  firstTimerFriendly: z.boolean(),
  capacity: z.int().nullable().describe("Null for no limit."),
  goingCount: z.int(),
  waitlistLength: z.int(),
  spotsLeft: z.int().nullable().describe("Null when the capacity is unlimited; never negative."),
  rsvpCutoff: instant.nullable(),
  seriesId: z.uuid().nullable(),
  projectId: z.uuid().nullable(),
  distanceKm: z.number().optional().describe("Present when the listing measured from a point."),
});

export const activityDetailJsonSchema = activityJsonSchema.extend({
  place: activityJsonSchema.shape.place.extend({ onlineUrl: z.string().nullable().describe("The meeting link: only for a caller going or organizing.") }),
  description: z.string().describe("Markdown."),
  sequence: z.int(),
  cancelledAt: instant.nullable(),
});

/** The read API's shape of an activity: stable field names, ISO instants, facts grouped. */
export function activityToJson(a: ActivitySummary): z.output<typeof activityJsonSchema> {
  return {
    id: a.id,
    url: `/activities/${a.id}`,
    title: a.title,
    kind: a.kind,
    status: a.status,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    timezone: a.timezone,
    group: a.group,
    place: { name: a.placeName, address: a.address, neighbourhood: a.neighbourhood, latitude: a.latitude, longitude: a.longitude, online: a.online },
    energyLevel: a.energyLevel,
    talkLevel: a.talkLevel,
    accessibility: { stepFree: a.stepFree, seatingAvailable: a.seatingAvailable, quietSpace: a.quietSpace },
    lateArrivalOk: a.lateArrivalOk,
    substanceFree: a.substanceFree,
    firstTimerFriendly: a.firstTimerFriendly,
    capacity: a.capacity,
    goingCount: a.goingCount,
    waitlistLength: a.waitlistLength,
    spotsLeft: a.spotsLeft,
    rsvpCutoff: a.rsvpCutoff?.toISOString() ?? null,
    seriesId: a.seriesId,
    projectId: a.projectId,
    ...(a.distanceKm !== null ? { distanceKm: a.distanceKm } : {}),
  };
}

/**
 * One activity with its description. The go-together meeting point is not here: it is told
 * only to the members paired to meet there, in their notifications. The online meeting link
 * is here only for a caller going or organizing (null for anyone else).
 */
export function activityDetailToJson(a: ActivityDetail): z.output<typeof activityDetailJsonSchema> {
  const summary = activityToJson(a);
  return {
    ...summary,
    place: { ...summary.place, onlineUrl: a.onlineUrl },
    description: a.description,
    sequence: a.sequence,
    cancelledAt: a.cancelledAt?.toISOString() ?? null,
  };
}
