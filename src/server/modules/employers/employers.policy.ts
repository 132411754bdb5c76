import type { Access } from "../../platform/access";

/**
 * The employers CRM is for the people who look after employers: account managers and org
 * admins of municipalities and agencies, and the platform administrator. Which employers each
 * sees and changes is decided per employer (decision 0010).
 */
export const employersPolicy = {
  crm: { roles: ["platform_admin", "org_admin", "account_manager"] },
} as const satisfies Record<string, Access>;
