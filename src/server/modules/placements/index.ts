// The placements module's public surface (decision 0014): placements, weeks of hours, approval, exports.
export type { PlacementDeps } from "./actions/placements";
export { timesheetsWaitingCount } from "./actions/timesheets";
export {
  PLACEMENT_EVENTS,
  type PlacementSubscriberDeps,
  registerPlacementSubscribers,
} from "./placements.events";
export { registerPlacementJobs, runTimesheetDigest } from "./placements.jobs";
export { type PlacementRouteDeps, registerPlacementRoutes } from "./placements.routes";
