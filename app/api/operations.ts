import packageJson from "@/package.json";
import { buildOpenApiDocument, documentPath, type RouteModule } from "@/server/api/openapi";
import * as activitiesIdAttendance from "./activities/[id]/attendance/route";
import * as activitiesIdAttendees from "./activities/[id]/attendees/route";
import * as activitiesIdCancel from "./activities/[id]/cancel/route";
import * as activitiesIdComments from "./activities/[id]/comments/route";
import * as activitiesIdReflection from "./activities/[id]/reflection/route";
import * as activitiesId from "./activities/[id]/route";
import * as activitiesIdRsvp from "./activities/[id]/rsvp/route";
import * as activitiesIdSkip from "./activities/[id]/skip/route";
import * as activitiesIdSlotsSlotId from "./activities/[id]/slots/[slotId]/route";
import * as activities from "./activities/route";
import * as commentsId from "./comments/[id]/route";
import * as coversSubjectId from "./covers/[subject]/[id]/route";
import * as docs from "./docs/route";
import * as groupsSlugActivities from "./groups/[slug]/activities/route";
import * as groupsSlugJoin from "./groups/[slug]/join/route";
import * as groupsSlugProjects from "./groups/[slug]/projects/route";
import * as groupsSlug from "./groups/[slug]/route";
import * as health from "./health/route";
import * as healthStatements from "./health/statements/route";
import * as meParticipation from "./me/participation/route";
import * as mePartnersIdCheckIns from "./me/partners/[id]/check-ins/route";
import * as mePartnersId from "./me/partners/[id]/route";
import * as mePartnersAccept from "./me/partners/accept/route";
import * as mePartners from "./me/partners/route";
import * as mePhoto from "./me/photo/route";
import * as mePlan from "./me/plan/route";
import * as meRsvps from "./me/rsvps/route";
import * as meSuggestions from "./me/suggestions/route";
import * as openapiJson from "./openapi.json/route";
import * as projectsIdComments from "./projects/[id]/comments/route";
import * as projectsId from "./projects/[id]/route";
import * as projectsIdTasks from "./projects/[id]/tasks/route";
import * as projects from "./projects/route";
import * as seriesIdStanding from "./series/[id]/standing/route";
import * as tasksIdClaim from "./tasks/[id]/claim/route";
import * as tasksIdDone from "./tasks/[id]/done/route";
import * as tasksId from "./tasks/[id]/route";
import * as tasksIdVerify from "./tasks/[id]/verify/route";
import * as testNudges from "./test/nudges/route";
import * as tokens from "./tokens/route";
import * as unsubscribeToken from "./unsubscribe/[token]/route";
import * as users from "./users/route";

/*
 * Every route module under app/api, by its folder: what the OpenAPI document and the reference
 * page are made from. tests/openapi.test.ts walks app/api and fails when one is missing here.
 * Not listed: the catch-all (`[...path]`, any address that is no endpoint, which the document
 * says in its description) and next-auth's own endpoints (`auth/[...nextauth]`), which the
 * document lists from server/api/auth-operations.ts.
 */
export const API_ROUTES: Record<string, RouteModule> = {
  "/api/activities/[id]/attendance": activitiesIdAttendance,
  "/api/activities/[id]/attendees": activitiesIdAttendees,
  "/api/activities/[id]/cancel": activitiesIdCancel,
  "/api/activities/[id]/comments": activitiesIdComments,
  "/api/activities/[id]/reflection": activitiesIdReflection,
  "/api/activities/[id]": activitiesId,
  "/api/activities/[id]/rsvp": activitiesIdRsvp,
  "/api/activities/[id]/skip": activitiesIdSkip,
  "/api/activities/[id]/slots/[slotId]": activitiesIdSlotsSlotId,
  "/api/activities": activities,
  "/api/comments/[id]": commentsId,
  "/api/covers/[subject]/[id]": coversSubjectId,
  "/api/docs": docs,
  "/api/groups/[slug]/activities": groupsSlugActivities,
  "/api/groups/[slug]/join": groupsSlugJoin,
  "/api/groups/[slug]/projects": groupsSlugProjects,
  "/api/groups/[slug]": groupsSlug,
  "/api/health": health,
  "/api/health/statements": healthStatements,
  "/api/me/participation": meParticipation,
  "/api/me/partners/[id]/check-ins": mePartnersIdCheckIns,
  "/api/me/partners/[id]": mePartnersId,
  "/api/me/partners/accept": mePartnersAccept,
  "/api/me/partners": mePartners,
  "/api/me/photo": mePhoto,
  "/api/me/plan": mePlan,
  "/api/me/rsvps": meRsvps,
  "/api/me/suggestions": meSuggestions,
  "/api/openapi.json": openapiJson,
  "/api/projects/[id]/comments": projectsIdComments,
  "/api/projects/[id]": projectsId,
  "/api/projects/[id]/tasks": projectsIdTasks,
  "/api/projects": projects,
  "/api/series/[id]/standing": seriesIdStanding,
  "/api/tasks/[id]/claim": tasksIdClaim,
  "/api/tasks/[id]/done": tasksIdDone,
  "/api/tasks/[id]": tasksId,
  "/api/tasks/[id]/verify": tasksIdVerify,
  "/api/test/nudges": testNudges,
  "/api/tokens": tokens,
  "/api/unsubscribe/[token]": unsubscribeToken,
  "/api/users": users,
};

let document: Record<string, unknown> | undefined;

/** The OpenAPI document, made once per process. */
export function apiDocument(): Record<string, unknown> {
  document ??= buildOpenApiDocument(Object.fromEntries(Object.entries(API_ROUTES).map(([folder, module]) => [documentPath(folder), module])), packageJson.version);
  return document;
}
