// The matches module's public surface: what other modules may import (decision 0014).
export type { MatchDeps } from "./actions/context";
export { type VisibleMatch, visibleMatch, visibleMatches } from "./actions/visible-matches";
export { MATCH_EVENTS } from "./matches.events";
export { type MatchRouteDeps, registerMatchRoutes } from "./matches.routes";
