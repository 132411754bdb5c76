import type { Access } from "../../platform/access";

/** The setup link is the only key: anyone holding it may use it, signed in or not. */
export const setupPolicy = {
  useSetupLink: "public",
} as const satisfies Record<string, Access>;
