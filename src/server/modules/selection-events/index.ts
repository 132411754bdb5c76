// The selection events module's public surface (issue 16 parts 1 and 2): what the app may import.
export type { SelectionEventDeps } from "./actions/plan";
export {
  registerSelectionEventSubscribers,
  SELECTION_EVENT_EVENTS,
  type SelectionEventSubscriberDeps,
} from "./selection-events.events";
export { registerSelectionEventRoutes, type SelectionEventRouteDeps } from "./selection-events.routes";
