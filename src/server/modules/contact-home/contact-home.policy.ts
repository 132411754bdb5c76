import type { Role } from "../../../contracts/tenancy";
import type { Access } from "../../platform/access";

/** The contact persons of employers (Carerix's hiring managers) with portal access. */
export const CONTACT_HOME_ROLES = ["employer_contact"] as const satisfies readonly Role[];

export const contactHomePolicy = {
  contact: { roles: CONTACT_HOME_ROLES },
} as const satisfies Record<string, Access>;
