import type { Access } from "../../platform/access";
import { canManageOrganisation, VACANCY_STAFF_ROLES, type VacancyActor } from "../vacancies";

/** Route-level access; which organisations' sites a caller manages is decided below. */
export const sitesPolicy = {
  staff: { roles: VACANCY_STAFF_ROLES },
} as const satisfies Record<string, Access>;

/**
 * Who manages an organisation's sites: those who manage its vacancies (the platform
 * administrator, its managing contact persons, its account managers and organisation
 * administrators, selection officers), since vacancies belong to sites.
 */
export function managesSites(actor: VacancyActor, organisationId: string): boolean {
  return canManageOrganisation(actor, organisationId);
}

/** The organisations whose sites the caller manages ("all" for the platform administrator). */
export function siteOrganisations(actor: VacancyActor): readonly string[] | "all" {
  if (actor.platformAdmin) return "all";
  return [...new Set([...actor.managerOf, ...actor.accountManagerFor, ...actor.selectionOf])];
}
