// The applicants module's public surface: what other modules may import (decision 0014).
// Selection events and hiring (issue 16) decide who plans, reads and hires with this.
export { type ApplicantContext, type ApplicantDeps, applicantContext } from "./actions/context";
// Hiring (issue 16 part 7) reads who the applicant is: corrected fields and the register number.
export { type ApplicantIdentity, applicantIdentity } from "./actions/identity";
export {
  APPLICANT_EVENTS,
  type ApplicantSubscriberDeps,
  registerApplicantSubscribers,
} from "./applicants.events";
export { type ApplicantRouteDeps, registerApplicantRoutes } from "./applicants.routes";
