import type { Role } from "../../../contracts/tenancy";
import type { Access } from "../../platform/access";
import { AppError } from "../../platform/errors";
import type { PortalScope } from "../../platform/scope";
import type { Caller } from "../tenancy";

/**
 * Who uses the explorer: the staff who look at candidate profiles (decision 0011), the same roles
 * as the candidates module's staff side. Which candidates they find is decided per portal below.
 */
const EXPLORER_ROLES = [
  "platform_admin",
  "org_admin",
  "account_manager",
  "employer_contact",
] as const satisfies readonly Role[];

export const explorerPolicy = {
  staff: { roles: EXPLORER_ROLES },
} as const satisfies Record<string, Access>;

/**
 * The candidates of the request's portal, for staff whose organisation is at home there (on the
 * national portal: every visible candidate) or the platform administrator; 403 for anyone else.
 */
export async function explorerScopeOf(caller: Caller): Promise<PortalScope> {
  const scope = await caller.portalCandidates();
  if (!scope) throw new AppError("forbidden");
  return scope;
}
