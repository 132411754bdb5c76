// The reserve-lists module's public surface (issue 16 parts 5 and 6): what the app may import.
export type { ReserveListDeps } from "./actions/context";
export { RESERVE_LIST_EVENTS, registerReserveListSubscribers } from "./reserve-lists.events";
export { registerReserveListJobs, runReserveListExpiry } from "./reserve-lists.jobs";
export { type ReserveListRouteDeps, registerReserveListRoutes } from "./reserve-lists.routes";
