// The applicants module's public surface: what other modules may import (decision 0014).
export { type ApplicantContext, type ApplicantDeps, applicantContext } from "./actions/context";
export {
  APPLICANT_EVENTS,
  type ApplicantSubscriberDeps,
  registerApplicantSubscribers,
} from "./applicants.events";
export { type ApplicantRouteDeps, registerApplicantRoutes } from "./applicants.routes";
