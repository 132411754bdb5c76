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
// The PDF text encoding (the candidates module's "download my data" PDF).
export { type PdfLocale, toWinAnsi } from "./vacancy-pdf";
// Which vacancies a candidate sees (the candidates module's saved vacancies).
export { isOpenOn, todayIn, type Viewer, visibleToViewer } from "./visibility";
