import type { Caller } from "../tenancy";
import { VACANCY_STAFF_ROLES, type VacancyActor } from "./vacancies.policy";

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
export function vacancyScopeOf(caller: Caller) {
  return caller.scopeAs(VACANCY_STAFF_ROLES, null, { teamEmployers: "kept" });
}
