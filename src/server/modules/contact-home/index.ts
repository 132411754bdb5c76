// The contact-home module's public surface: what other modules may import (decision 0014).
export type { ContactHomeDeps } from "./actions/dashboard";
export { type ContactHomeRouteDeps, registerContactHomeRoutes } from "./contact-home.routes";
