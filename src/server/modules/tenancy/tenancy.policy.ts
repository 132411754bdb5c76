import type { Access } from "../../platform/access";

/** Who may do what with portals and organisations. */
export const tenancyPolicy = {
  viewPortals: "public",
  listOrganisations: { roles: ["platform_admin", "org_admin", "account_manager"] },
  /** Org admins change their own organisation (and its departments); platform admins any. */
  updateOrganisation: { roles: ["platform_admin", "org_admin"] },
  /** Creating, changing, moving, deactivating and deleting portals and organisations (decision 0032). */
  platformAdmin: { roles: ["platform_admin"] },
  /** A portal's logo is its public branding. */
  viewPortalLogo: "public",
} as const satisfies Record<string, Access>;
