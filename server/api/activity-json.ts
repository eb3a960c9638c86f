import type { ActivityDetail, ActivitySummary } from "@/db/queries/activities";

/** The read API's shape of an activity: stable field names, ISO instants, facts grouped. */
export function activityToJson(a: ActivitySummary) {
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
export function activityDetailToJson(a: ActivityDetail) {
  const summary = activityToJson(a);
  return {
    ...summary,
    place: { ...summary.place, onlineUrl: a.onlineUrl },
    description: a.description,
    sequence: a.sequence,
    cancelledAt: a.cancelledAt?.toISOString() ?? null,
  };
}
