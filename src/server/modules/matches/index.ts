// The matches module's public surface: what other modules may import (decision 0014).
export { type ApplicationInput, apply, ensureCandidate } from "./actions/applications";
export { type MatchDeps, matchContext, procedureFor } from "./actions/context";
export { getMatch, moveMatch, type StepHooks, undoMatch } from "./actions/move-match";
export { editMilestones, referralProcedureOf } from "./actions/procedures";
export { contactsWithPortalAccess } from "./actions/proposals";
export { createReferredMatchInTransaction } from "./actions/referred-match";
export {
  proposalsAwaitingCount,
  readNotices,
  unreadNotices,
  unreadNoticesCount,
} from "./actions/reviews";
export { createMatchInTransaction } from "./actions/saved-candidates";
export { type VisibleMatch, visibleMatch, visibleMatches } from "./actions/visible-matches";
export { MATCH_EVENTS } from "./matches.events";
export {
  ARCHIVING_OUTCOME,
  matchAccess,
  matchState,
  milestonesOf,
  movablePhases,
  openMilestone,
} from "./matches.policy";
export type { MatchRow, StepRow } from "./matches.repository";
export { type MatchRouteDeps, registerMatchRoutes } from "./matches.routes";
export { REFERRAL_MILESTONES } from "./matches.templates";
export type { PhaseEdit, PhaseRow, ProcedureWithPhases } from "./procedures.repository";
export { type ProposalSubscriberDeps, registerProposalSubscribers } from "./proposals.events";
export { type ProposalRouteDeps, registerProposalRoutes } from "./proposals.routes";
