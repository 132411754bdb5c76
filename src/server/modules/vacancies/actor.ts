import type { OrgScope, PlatformScope } from "../../platform/scope";
import type { Caller } from "../tenancy";
import type { Viewer } from "./publication";
import { creatableOrganisations, VACANCY_STAFF_ROLES, type VacancyActor } from "./vacancies.policy";

/**
 * What the caller acts for in vacancy matters (decision 0009), from the caller's memberships:
 * no query of its own beyond the caller's (the team's employers only for account managers).
 */
export async function vacancyActorOf(caller: Caller): Promise<VacancyActor> {
  const team = await caller.team();
  // Employers of the team; the portal's sharing rule gives sight, never the right to change.
  const managed = team.length > 0 ? await caller.teamEmployers({ includeShared: false }) : [];
  return {
    userId: caller.userId(),
    platformAdmin: caller.isPlatformAdmin,
    contactOf: await caller.organisationsAs(["employer_contact"]),
    managerOf: await caller.organisationsAs(["employer_contact"], (m) => m.mayManageVacancies),
    accountManagerFor: [...new Set([...team, ...managed])],
    hrOf: await caller.organisationsAs(["hr_officer"]),
    selectionOf: await caller.organisationsAs(["selection_officer"]),
  };
}

/** The scope over every vacancy the caller may read (the platform administrator: all of them). */
export function vacancyScopeOf(caller: Caller): Promise<OrgScope | PlatformScope> {
  return caller.scopeAs(VACANCY_STAFF_ROLES, null, { teamEmployers: "kept" });
}

/** The organisations the caller may create vacancies for (or request them), as a scope. */
export async function vacancyCreateScopeOf(
  caller: Caller,
  actor: VacancyActor,
): Promise<OrgScope | PlatformScope> {
  const readable = await vacancyScopeOf(caller);
  const creatable = creatableOrganisations(actor);
  return creatable === "all" ? readable : caller.narrow(readable, creatable);
}

/** The organisations whose account managers the caller may name on a vacancy, as a scope. */
export async function accountManagerScopeOf(
  caller: Caller,
  actor: VacancyActor,
): Promise<OrgScope | PlatformScope> {
  const readable = await vacancyScopeOf(caller);
  return actor.platformAdmin ? readable : caller.narrow(readable, actor.accountManagerFor);
}

/**
 * A signed-in person looking for work: the portals they are a candidate on and the
 * organisations (whole families) they work for, from the caller's memberships.
 */
export async function candidateViewerOf(caller: Caller): Promise<Extract<Viewer, { kind: "candidate" }>> {
  const memberships = await caller.memberships();
  const organisationIds = new Set<string>();
  for (const m of memberships) if (m.role !== "candidate") for (const id of m.family) organisationIds.add(id);
  return {
    kind: "candidate",
    portalIds: memberships.flatMap((m) => (m.role === "candidate" && m.portalId ? [m.portalId] : [])),
    organisationIds: [...organisationIds],
  };
}
