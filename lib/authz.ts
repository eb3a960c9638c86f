import { say } from "@/lib/i18n/said";

/** A member's role in a group, as the membership row holds it. */
export type GroupRole = "member" | "organizer" | "owner";

/** The two columns of a membership row these rules read. */
export type Standing = { role: GroupRole; status: string };

/*
 * Who may do what inside a group, decided from the membership row alone. The data
 * layer reads that row inside the same transaction as the change it guards, so a
 * demotion or ban that lands a moment earlier is always respected.
 */

export type Need = "member" | "organizer" | "owner";

export type Actor = { id: string } | null | undefined;

export type Authorized = { ok: true; actorId: string; role: GroupRole };
export type Refused = { ok: false; code: "unauthenticated" | "forbidden"; message: string };
export type AuthzResult = Authorized | Refused;

const rank: Record<GroupRole, number> = { member: 1, organizer: 2, owner: 3 };

const refusal: Record<Need, () => string> = {
  member: () => say("errors.refusals.authz.member"),
  organizer: () => say("errors.refusals.authz.organizer"),
  owner: () => say("errors.refusals.authz.owner"),
};

/** Whether `actor`, holding `membership` (or none) in the group, may act at level `need`. */
export function authorize(actor: Actor, membership: Standing | undefined, need: Need): AuthzResult {
  if (!actor) return { ok: false, code: "unauthenticated", message: say("errors.action.signInFirst") };
  if (!membership || membership.status !== "active" || rank[membership.role] < rank[need]) {
    return { ok: false, code: "forbidden", message: refusal[need]() };
  }
  return { ok: true, actorId: actor.id, role: membership.role };
}

/** True for an active owner or organizer. */
export function isOrganizerRole(membership: Standing | undefined): boolean {
  return Boolean(membership && membership.status === "active" && rank[membership.role] >= rank.organizer);
}

