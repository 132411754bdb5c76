import { STAFF_HOME_ROLES } from "../../../contracts/staff-home";
import type { Role } from "../../../contracts/tenancy";
import type { Access } from "../../platform/access";

/** The roles whose menu has the vacancy overview, where the vacancy blocks lead. */
export const VACANCY_BLOCK_ROLES = [
  "platform_admin",
  "org_admin",
  "account_manager",
  "hr_officer",
  "selection_officer",
] as const satisfies readonly Role[];

/** Account managers and org admins: their own vacancies, proposals and the team's messages. */
export const TEAM_BLOCK_ROLES = ["org_admin", "account_manager"] as const satisfies readonly Role[];

/** Who manages the organisation's users and invitations (the settings' "Gebruikers"). */
export const INVITATION_BLOCK_ROLES = ["platform_admin", "org_admin"] as const satisfies readonly Role[];

export const staffHomePolicy = {
  staff: { roles: STAFF_HOME_ROLES },
} as const satisfies Record<string, Access>;
