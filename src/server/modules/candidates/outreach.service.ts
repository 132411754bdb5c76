import { approachActions } from "./actions/approach";
import type { CandidateDeps } from "./actions/context";
import { favouriteActions } from "./actions/favourites";
import { savedVacancyActions } from "./actions/saved-vacancies";

/**
 * Reaching candidates and keeping vacancies: "Benaderen" and the inbox, a staff member's
 * favourites and contact history, and the candidate's saved vacancies.
 */
export function createOutreachService(deps: Pick<CandidateDeps, "store">) {
  return { ...approachActions(deps), ...favouriteActions(deps), ...savedVacancyActions(deps) };
}

export type OutreachService = ReturnType<typeof createOutreachService>;
