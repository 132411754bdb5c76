// The scheduled-jobs module's public surface (issue 17 part 7): the platform administrator's jobs screen.

export type { ScheduledJobsDeps } from "./actions/jobs";
export { registerScheduledJobRoutes } from "./scheduled-jobs.routes";
