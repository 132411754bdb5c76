import type { Access } from "../../platform/access";

/** Who may do what with portals and organisations. */
export const tenancyPolicy = {
  viewPortals: "public",
  listOrganisations: { roles: ["platform_admin", "org_admin", "account_manager"] },
  /** Org admins change their own organisation (and its departments); platform admins any. */
  updateOrganisation: { roles: ["platform_admin", "org_admin"] },
} as const satisfies Record<string, Access>;
