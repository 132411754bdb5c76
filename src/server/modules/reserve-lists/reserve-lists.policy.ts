import type { ReserveListState } from "../../../contracts/reserve-lists";
import type { Access } from "../../platform/access";
import { canRead, VACANCY_STAFF_ROLES, type VacancyActor, type VacancyFacts } from "../vacancies";

/** Route-level access; what a caller may do with one vacancy's reserve list is decided below. */
export const reserveListsPolicy = {
  staff: { roles: VACANCY_STAFF_ROLES },
} as const satisfies Record<string, Access>;

/**
 * Who sees a vacancy's reserve list: its staff as for its applicants (a contact person only when
 * they manage the employer's vacancies; plain contacts see matches as the matches module shows them).
 */
export function seesReserve(actor: VacancyActor, vacancy: Pick<VacancyFacts, "organisationId">): boolean {
  return canRead({ ...actor, contactOf: actor.managerOf }, vacancy);
}

/** A completed or cancelled procedure is over (`procedureClosedOf`): its applicants no longer change. */
export function procedureIsClosed(vacancy: { procedureClosed: boolean }): boolean {
  return vacancy.procedureClosed;
}

/** Where a list stands on a day: before its start, within its validity (both days included), after. */
export function reserveListState(
  list: { startsOn: string; endsOn: string },
  today: string,
): ReserveListState {
  if (today < list.startsOn) return "upcoming";
  if (today > list.endsOn) return "expired";
  return "valid";
}
