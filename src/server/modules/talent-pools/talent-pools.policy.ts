import type { Role } from "../../../contracts/tenancy";
import type { Access } from "../../platform/access";

/** The team that keeps pools and adds candidates: its account managers and administrators. */
export const TEAM_ROLES = ["account_manager", "org_admin"] as const satisfies readonly Role[];

/** Route-level access; which pools and vacancies a caller reaches is decided by their scope. */
export const talentPoolsPolicy = {
  team: { roles: TEAM_ROLES },
  /** Contact persons with portal access (their membership) browse the pools open to them. */
  contact: { roles: ["employer_contact"] },
} as const satisfies Record<string, Access>;

/** The phases a match from a pool enters: the contact chose the candidate, so "approved" first. */
export const POOL_MATCH_PHASES = ["approved"] as const;
