import type { Access } from "../../platform/access";
import { canManageOrganisation, VACANCY_STAFF_ROLES, type VacancyActor } from "../vacancies";

/** Route-level access; which referrals a caller reaches is decided per organisation below. */
export const referralsPolicy = {
  /** Employees who refer people they know (the referral portal's app). */
  referrer: { roles: ["referrer"] },
  /** The organisation's recruiters and managers: those who manage its vacancies. */
  staff: { roles: VACANCY_STAFF_ROLES },
} as const satisfies Record<string, Access>;

/**
 * Who works with an organisation's referred candidates: those who manage its vacancies (its
 * managing contact persons, its account managers, selection officers, the platform admin).
 */
export function managesReferrals(actor: VacancyActor, organisationId: string): boolean {
  return canManageOrganisation(actor, organisationId);
}
