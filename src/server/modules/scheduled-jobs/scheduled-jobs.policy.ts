import type { Access } from "../../platform/access";

/** Only the platform administrator sees and runs the installation's background jobs. */
export const scheduledJobsPolicy = {
  admin: { roles: ["platform_admin"] },
} as const satisfies Record<string, Access>;
