// The matches module's public surface: what other modules may import (decision 0014).
export { type MatchDeps, matchContext } from "./actions/context";
export { contactsWithPortalAccess } from "./actions/proposals";
export { proposalsAwaitingCount, unreadNoticesCount } from "./actions/reviews";
export { createMatchInTransaction } from "./actions/saved-candidates";
export { type VisibleMatch, visibleMatch, visibleMatches } from "./actions/visible-matches";
export { MATCH_EVENTS } from "./matches.events";
export { matchAccess } from "./matches.policy";
export { type MatchRouteDeps, registerMatchRoutes } from "./matches.routes";
export { type ProposalSubscriberDeps, registerProposalSubscribers } from "./proposals.events";
export { type ProposalRouteDeps, registerProposalRoutes } from "./proposals.routes";
