import { consentActions } from "./actions/consents";
import type { CandidateDeps } from "./actions/context";
import { eraseActions, FRESH_SESSION_MINUTES } from "./actions/erase";
import { exportActions } from "./actions/export-data";

export { FRESH_SESSION_MINUTES };

/**
 * Privacy self-service (issue 5 part 7), the candidate's own side: consents
 * (actions/consents.ts), "download my data" (actions/export-data.ts) and "delete my account"
 * (actions/erase.ts; the retention job in privacy.jobs.ts uses the same erasure).
 */
export function createPrivacyService(deps: CandidateDeps) {
  return { ...consentActions(deps), ...exportActions(deps), ...eraseActions(deps) };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
