// The staff-home module's public surface: what other modules may import (decision 0014).
export type { StaffHomeDeps } from "./actions/dashboard";
export { registerStaffHomeRoutes, type StaffHomeRouteDeps } from "./staff-home.routes";
