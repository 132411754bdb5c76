import type { Access } from "../../platform/access";
import {
  canEdit,
  canRead,
  INVOLVED_ROLES,
  VACANCY_STAFF_ROLES,
  type VacancyActor,
  type VacancyFacts,
} from "../vacancies";

/** Route-level access; what a caller may do with one vacancy's applicants is decided below. */
export const applicantsPolicy = {
  staff: { roles: VACANCY_STAFF_ROLES },
  /** Reading: the vacancy's staff, and leaders and jury members on its team once someone applied. */
  readers: { roles: [...VACANCY_STAFF_ROLES, ...INVOLVED_ROLES] },
  /** Who writes the organisation's mail templates (Vlimpers: the selection officers). */
  templateAuthors: { roles: ["platform_admin", "org_admin", "selection_officer"] },
} as const satisfies Record<string, Access>;

/** The roles whose organisations' templates a caller may write. */
export const TEMPLATE_AUTHOR_ROLES = ["org_admin", "selection_officer"] as const;

/**
 * Who sees a vacancy's applicants: whoever may read the vacancy as its staff (the vacancies
 * module's rule, so its extensions for the vacancy team flow in here). A contact person of an
 * employer reads vacancies too, but sees candidates only as the matches module shows them to
 * contacts (phases meant for them, decision 0016): only those who manage the employer's
 * vacancies count here.
 */
export function seesApplicants(actor: VacancyActor, vacancy: Pick<VacancyFacts, "organisationId">): boolean {
  return canRead({ ...actor, contactOf: actor.managerOf }, vacancy);
}

/** Who mails applicants and corrects their fields: those who may change the vacancy. */
export function managesApplicants(actor: VacancyActor, vacancy: VacancyFacts): boolean {
  return seesApplicants(actor, vacancy) && canEdit(actor, vacancy);
}

/**
 * A procedure is over once its selection was completed or cancelled (issue 16, "afsluiten" and
 * "annuleren"; the reserve-lists module's `procedureClosedOf`): its applicants are read only then,
 * moves, mails, notes and corrections refused.
 */
export function procedureClosed(vacancy: { procedureClosed: boolean }): boolean {
  return vacancy.procedureClosed;
}
