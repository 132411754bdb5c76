import type { Role } from "../../../contracts/tenancy";

/**
 * What a staff member reads when the candidate wants contact through an account manager and has
 * none yet. Nobody can be sent to "assign one" (no screen does that), and an account manager or
 * org admin asking is themselves the team such a request would go to: they are pointed to
 * "Benaderen", which reaches the candidate without sharing their details. Others may also turn to
 * their own organisation's account manager.
 */
export function noManagerTextKey(roles: readonly Role[]): string {
  return roles.includes("account_manager") || roles.includes("org_admin") || roles.includes("platform_admin")
    ? "candidates.profile.contact.noManagerTeam"
    : "candidates.profile.contact.noManager";
}
