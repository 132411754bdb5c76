import type { CandidateDeps } from "./actions/context";
import { intakeActions } from "./actions/intake";

/** A portal's intake: what it asks of candidates before its candidate side can be used. */
export function createIntakeService(deps: Pick<CandidateDeps, "store">) {
  return intakeActions(deps);
}

export type IntakeService = ReturnType<typeof createIntakeService>;
