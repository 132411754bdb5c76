// The vacancies module's public surface: what other modules may import (decision 0014).
export { vacancyActorOf, vacancyScopeOf } from "./actor";
export {
  canEdit,
  canManageOrganisation,
  canRead,
  VACANCY_STAFF_ROLES,
  type VacancyActor,
  type VacancyFacts,
  vacancyPermissions,
} from "./vacancies.policy";
// Who sees a vacancy (the matches module checks it before a candidate applies).
export { todayIn, type Viewer, visibleToViewer } from "./visibility";
