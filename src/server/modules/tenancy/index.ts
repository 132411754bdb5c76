// The tenancy module's public surface: what other modules may import (decision 0014).
export { type Caller, callerOf, createCaller, type MembershipFact, requestMemberships } from "./caller";
export { mailPortalColumns, type OrganisationRow, type PortalRow } from "./tenancy.repository";
export { portalOf } from "./tenancy.routes";
export { presentOrganisation, type TenancyService } from "./tenancy.service";
