import { ROLES } from "../../../contracts/tenancy";
import type { Access } from "../../platform/access";

/** Who may do what with accounts, invitations and the security log. */
export const identityPolicy = {
  invite: { roles: ["platform_admin", "org_admin", "account_manager"] },
  viewAudit: { roles: ["platform_admin", "org_admin"] },
  manageUsers: { roles: ["platform_admin", "org_admin"] },
  /** Microsoft (OpenID Connect) sign-in per e-mail domain. */
  manageSso: { roles: ["platform_admin", "org_admin"] },
  /** Everyone signed in keeps their own settings (staff after setting up a second factor). */
  ownSettings: { roles: ROLES },
  /** Photos are personal data: only signed-in people see them. */
  viewAvatars: "signed-in",
  acceptInvitation: "public",
  registerCandidate: "public",
  /** Tells the sign-in page whether a domain uses SSO (not whether an account exists). */
  loginMethod: "public",
} as const satisfies Record<string, Access>;
