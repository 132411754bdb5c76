// The applicants module's public surface: what other modules may import (decision 0014).
export type { ApplicantDeps } from "./actions/context";
// Selection events (issue 16) decide who plans and who reads a vacancy's events with this.
export { type ApplicantContext, applicantContext } from "./actions/context";
export {
  APPLICANT_EVENTS,
  type ApplicantSubscriberDeps,
  registerApplicantSubscribers,
} from "./applicants.events";
export { type ApplicantRouteDeps, registerApplicantRoutes } from "./applicants.routes";
