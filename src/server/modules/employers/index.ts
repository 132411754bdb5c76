// The employers module's public surface: what other modules and the app may import (decision 0014).
export { type CompanyRegistry, createCompanyRegistry } from "./company-registry";
export { EMPLOYER_EVENTS, registerEmployerSubscribers } from "./employers.events";
export { registerEmployerRoutes } from "./employers.routes";
export {
  type ContactInvitations,
  createEmployerService,
  type EmployerDeps,
  type EmployerService,
} from "./employers.service";
