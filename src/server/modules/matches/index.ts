// The matches module's public surface: what other modules may import (decision 0014).
export type { MatchDeps } from "./actions/context";
export { proposalsAwaitingCount } from "./actions/reviews";
export { MATCH_EVENTS } from "./matches.events";
export { type MatchRouteDeps, registerMatchRoutes } from "./matches.routes";
export { type ProposalSubscriberDeps, registerProposalSubscribers } from "./proposals.events";
export { type ProposalRouteDeps, registerProposalRoutes } from "./proposals.routes";
