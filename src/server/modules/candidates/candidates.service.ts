import type { CandidateDeps, HostPortal } from "./actions/context";
import { DOCUMENT_MAX_BYTES, ownFileActions, PHOTO_MAX_BYTES } from "./actions/own-files";
import { ownProfileActions } from "./actions/own-profile";
import { staffViewActions } from "./actions/staff-view";

export type { CandidateDeps, HostPortal };
export { DOCUMENT_MAX_BYTES, PHOTO_MAX_BYTES };

/**
 * The candidate profile: the candidate edits their own in parts (actions/own-profile.ts,
 * own-files.ts); staff read it through a portal the candidate chose to be visible on and ask for
 * contact details separately, which is logged and shown to the candidate (actions/staff-view.ts).
 */
export function createCandidateService(deps: CandidateDeps) {
  return { ...ownProfileActions(deps), ...ownFileActions(deps), ...staffViewActions(deps) };
}

export type CandidateService = ReturnType<typeof createCandidateService>;
