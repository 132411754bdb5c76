import type { PublicScope, TenantScope } from "../../platform/scope";
import type { TxStore } from "../../platform/store";
import {
  type ConfirmedPerson,
  type ReferredPerson,
  referredCandidatesRepository,
  referredConfirmationRepository,
} from "./referred-candidates.repository";

export type { ConfirmedPerson, ReferredPerson };

/** A candidate row for a person an employee refers, in the transaction that makes the referral. */
export function createReferredCandidateInTransaction(
  tx: TxStore,
  scope: TenantScope,
  person: ReferredPerson,
): Promise<{ id: string }> {
  return tx.bind(scope, referredCandidatesRepository).create(person);
}

/** The referred person's own details, written only while their confirmation token is valid. */
export function completeReferredCandidateInTransaction(
  tx: TxStore,
  scope: PublicScope,
  candidateId: string,
  tokenHash: string,
  person: ConfirmedPerson,
): Promise<boolean> {
  return tx.bind(scope, referredConfirmationRepository).complete(candidateId, tokenHash, person);
}
