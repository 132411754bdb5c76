// The vacancies module's public surface: what other modules may import (decision 0014).
export type { VacancyDeps } from "./actions/context";
// The publication channels module (issue 15 part 7) reads and re-dates a vacancy through these.
export { getVacancy } from "./actions/read-vacancy";
// Closing a selection procedure (issue 16, reserve-lists module) closes the vacancy through this.
export { transitionVacancy } from "./actions/transition-vacancy";
export { updateVacancy } from "./actions/update-vacancy";
export { INVOLVED_ROLES, involvedVacancy } from "./actions/vacancy-team";
export { accountManagerScopeOf, candidateViewerOf, vacancyActorOf, vacancyScopeOf } from "./actor";
export { visibleVacancyRepository } from "./candidate-vacancies.repository";
export { type JobBoardDeps, jobBoardRoutes, jobSiteFeedOf } from "./job-board/job-board.routes";
export { vacancyPath } from "./job-board/job-posting";
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
export { inScope as vacancyInScope, newApplicationsOf } from "./vacancies.repository";
export { registerVacancyRoutes, type VacancyRouteDeps } from "./vacancies.routes";
export { type PdfLocale, toWinAnsi } from "./vacancy-pdf";
export {
  distanceKmFrom,
  onPublicBoard,
  visibleToCandidatesSql,
  visibleToViewer,
} from "./visibility.repository";
