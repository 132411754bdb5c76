import { AppError } from "../../../platform/errors";
import type { TenantScope } from "../../../platform/scope";
import type { TxStore } from "../../../platform/store";
import { MATCH_EVENTS, matchEvent } from "../matches.events";
import { applicationStatus, entryPhase } from "../matches.policy";
import { type MatchRow, matchCreationRepository } from "../matches.repository";
import type { ProcedureWithPhases } from "../procedures.repository";
import { type MatchDeps, procedureFor } from "./context";

/**
 * A match made by an employee referring someone they know (referral portal). A referrer may not
 * change the vacancy, so the referrals module decides that they may refer to it and passes the
 * scope of their organisation; the match starts in the procedure's "referred" phase.
 */
export async function createReferredMatchInTransaction(
  deps: MatchDeps,
  tx: TxStore,
  scope: TenantScope,
  input: {
    vacancy: { id: string; organisationId: string; portalId: string; procedureId: string | null };
    candidateId: string;
    actorUserId: string;
    /** Extra facts for the `match.created` payload (`{ referralId }`). */
    via?: Record<string, unknown>;
  },
): Promise<{ match: MatchRow; procedure: ProcedureWithPhases }> {
  const { vacancy } = input;
  const procedure = await procedureFor({ ...deps, store: tx }, scope, vacancy);
  const phase = entryPhase(procedure, "referred");
  const match = await tx.bind(scope, matchCreationRepository).create({
    portalId: vacancy.portalId,
    organisationId: vacancy.organisationId,
    vacancyId: vacancy.id,
    candidateId: input.candidateId,
    source: "referred",
    procedureId: procedure.id,
    phaseId: phase.id,
    status: applicationStatus(phase, null),
    createdByUserId: input.actorUserId,
  });
  if (!match) throw new AppError("candidate_already_on_vacancy");
  await tx.emit(
    matchEvent(MATCH_EVENTS.created, match, input.actorUserId, {
      source: "referred",
      procedureId: procedure.id,
      phaseId: phase.id,
      phaseKey: phase.key,
      ...input.via,
    }),
  );
  return { match, procedure };
}
