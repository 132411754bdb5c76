import type { Access } from "../../platform/access";

/** The setup link is the only key: anyone holding it may use it, signed in or not. */
export const setupPolicy = {
  useSetupLink: "public",
  /** The reverse proxy's certificate check names only host names that are public anyway. */
  askCertificate: "public",
} as const satisfies Record<string, Access>;
