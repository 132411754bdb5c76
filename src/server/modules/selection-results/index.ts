// The selection results module's public surface (issue 16 parts 3-4): what the app may import.
export type { SelectionResultsDeps } from "./actions/context";
export {
  registerSelectionResultsSubscribers,
  SELECTION_EVENTS,
  type SelectionResultsSubscriberDeps,
} from "./selection-results.events";
export { registerSelectionResultsRoutes, type SelectionResultsRouteDeps } from "./selection-results.routes";
