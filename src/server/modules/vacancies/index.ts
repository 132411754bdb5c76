// The vacancies module's public surface: what other modules may import (decision 0014).
import type { Db } from "../../platform/db";
import { publicScope } from "../../platform/scope";
import { visibleVacancyRepository } from "./candidate-vacancies.repository";
import type { Viewer } from "./publication";

export type { VacancyDeps } from "./actions/context";
export { accountManagerScopeOf, candidateViewerOf, vacancyActorOf, vacancyScopeOf } from "./actor";
export { visibleVacancyRepository } from "./candidate-vacancies.repository";
export { type JobBoardDeps, jobBoardRoutes } from "./job-board/job-board.routes";
export { audiencesOn, isOpenOn, type PublicationDates, todayIn, type Viewer } from "./publication";
export { registerVacancySubscribers, type VacancyEventType, vacancyEvent } from "./vacancies.events";
export { registerVacancyJobs, runVacancyPublication, type VacancyJobDeps } from "./vacancies.jobs";
export {
  canEdit,
  canManageOrganisation,
  canRead,
  readableOrganisations,
  VACANCY_STAFF_ROLES,
  type VacancyActor,
  type VacancyFacts,
  vacancyPermissions,
} from "./vacancies.policy";
export { registerVacancyRoutes, type VacancyRouteDeps } from "./vacancies.routes";
export { type PdfLocale, toWinAnsi } from "./vacancy-pdf";
export {
  distanceKmFrom,
  onPublicBoard,
  visibleToCandidatesSql,
  visibleToViewer,
} from "./visibility.repository";

/**
 * Whether the viewer may see the vacancy today (the candidate side's rule). Kept with this
 * signature for the candidates module's outreach until it reads through the store
 * (`store.bind(publicScope, visibleVacancyRepository).find(...)`).
 */
export function findVisibleVacancy(db: Db, viewer: Viewer, id: string, today: string) {
  return visibleVacancyRepository.find(db, publicScope, viewer, id, today, null);
}
