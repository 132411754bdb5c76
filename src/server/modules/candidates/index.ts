// The candidates module's public surface: what other modules and the app may import (decision 0014).
export type { CandidateDeps, HostPortal } from "./actions/context";
export { type OwnScope, visibleOnPortal } from "./candidate-scope.repository";
export {
  CANDIDATE_EVENTS,
  type CandidateSubscriberDeps,
  registerCandidateSubscribers,
} from "./candidates.events";
export { CANDIDATE_STAFF_ROLES, candidatesPolicy, contactDetailsOf } from "./candidates.policy";
export type { CandidateRow } from "./candidates.repository";
export { registerCandidateRoutes } from "./candidates.routes";
export { type CandidateService, createCandidateService } from "./candidates.service";
export { registerIntakeRoutes } from "./intake.routes";
export { createIntakeService, type IntakeService } from "./intake.service";
export { registerJobSeekerRoutes } from "./job-seekers.routes";
export { createJobSeekerService, type JobSeekerService } from "./job-seekers.service";
export { registerOutreachRoutes } from "./outreach.routes";
export { createOutreachService, type OutreachService } from "./outreach.service";
export {
  CANDIDATE_RETENTION_JOB,
  type RetentionDeps,
  type RetentionRun,
  registerCandidateRetentionJob,
  runCandidateRetention,
} from "./privacy.jobs";
export { registerPrivacyRoutes } from "./privacy.routes";
export { createPrivacyService, type PrivacyService } from "./privacy.service";
export { fileTail } from "./profile";
export {
  type ConfirmedPerson,
  completeReferredCandidateInTransaction,
  createReferredCandidateInTransaction,
  type ReferredPerson,
} from "./referred-candidates";
