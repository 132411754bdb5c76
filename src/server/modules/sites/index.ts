// The sites module's public surface: what other modules and the app may import (decision 0014).

export { siteLimitsOf } from "./actions/limits";
export type { SitesDeps } from "./actions/sites";
export { managesSites } from "./sites.policy";
export { siteLimitsRepository } from "./sites.repository";
export { registerSiteRoutes } from "./sites.routes";
