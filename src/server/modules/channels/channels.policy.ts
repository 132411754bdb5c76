import { CHANNEL_MANAGER_ROLES as MANAGER_ROLES } from "../../../contracts/channels";
import type { Role } from "../../../contracts/tenancy";
import type { Access } from "../../platform/access";
import { VACANCY_STAFF_ROLES } from "../vacancies";

/** Who manages job sites and reads the reports (the contract's list, checked against the roles). */
export const CHANNEL_MANAGER_ROLES = MANAGER_ROLES satisfies readonly Role[];

/**
 * Route-level access. A vacancy's channels are read by whoever reads the vacancy and changed by
 * whoever may publish it (the vacancies module decides both); job sites and reports belong to
 * the organisation family's selection officers and organisation administrators.
 */
export const channelsPolicy = {
  vacancy: { roles: VACANCY_STAFF_ROLES },
  managers: { roles: CHANNEL_MANAGER_ROLES },
  feed: "public",
} as const satisfies Record<string, Access>;
