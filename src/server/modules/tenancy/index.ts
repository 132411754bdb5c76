// The tenancy module's public surface: what other modules may import (decision 0014).
export { type Caller, callerOf, createCaller, type MembershipFact, requestMemberships } from "./caller";
export { portalOf } from "./tenancy.routes";
