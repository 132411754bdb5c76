import type { MatchSummary } from "../../../../contracts/matches";
import type { CandidateOnVacancy } from "../../../../contracts/vacancies";
import { AppError } from "../../../platform/errors";
import type { TxStore } from "../../../platform/store";
import type { Caller } from "../../tenancy";
import { canEdit, canRead, vacancyActorOf, vacancyScopeOf } from "../../vacancies";
import { MATCH_EVENTS, matchEvent } from "../matches.events";
import { applicationStatus, entryPhase } from "../matches.policy";
import { candidateOnVacancyDto } from "../matches.presenter";
import {
  type MatchRow,
  matchCreationRepository,
  matchesRepository,
  type VacancyOfMatch,
} from "../matches.repository";
import { type MatchDeps, procedureFor } from "./context";

/** A vacancy the caller may change (404 when they may not even read it, so ids cannot be probed). */
async function changeable(deps: Pick<MatchDeps, "store">, caller: Caller, vacancyId: string) {
  const [actor, scope] = await Promise.all([vacancyActorOf(caller), vacancyScopeOf(caller)]);
  const vacancy = await deps.store.bind(scope, matchesRepository).findVacancy(vacancyId);
  if (!vacancy || !canRead(actor, vacancy)) throw new AppError("not_found");
  if (!canEdit(actor, vacancy)) throw new AppError("forbidden");
  return { scope, vacancy };
}

/**
 * "Toevoegen aan vacature": save a candidate (whom the caller may see; the route checks) on a
 * vacancy they may change, in the first suitable phase of its procedure. Saving twice is once.
 */
export async function saveCandidate(
  deps: MatchDeps,
  caller: Caller,
  vacancyId: string,
  candidateId: string,
): Promise<void> {
  const { scope, vacancy } = await changeable(deps, caller, vacancyId);
  const procedure = await procedureFor(deps, scope, vacancy);
  const phase = entryPhase(procedure, "saved");
  const userId = caller.userId();
  await deps.store.transaction(async (tx) => {
    const match = await tx.bind(scope, matchCreationRepository).create({
      portalId: vacancy.portalId,
      organisationId: vacancy.organisationId,
      vacancyId,
      candidateId,
      source: "saved",
      procedureId: procedure.id,
      phaseId: phase.id,
      status: applicationStatus(phase, null),
      createdByUserId: userId,
    });
    if (match)
      await tx.emit(
        matchEvent(MATCH_EVENTS.created, match, userId, {
          source: "saved",
          procedureId: procedure.id,
          phaseId: phase.id,
          phaseKey: phase.key,
        }),
      );
  });
}

/**
 * A new match for a candidate on a vacancy the caller may change, written in the caller's
 * transaction with its first history step and `match.created` (talent pools: a contact person
 * matches a pool candidate to their own vacancy, and the pool's event commits with it). The match
 * enters the first of `phaseKeys` the vacancy's procedure has, else its entry phase for `source`.
 * 404 for a vacancy the caller cannot see, 403 for one they may not change, 409 when the
 * candidate is already on it. Whether the caller may see the candidate is the caller's to check.
 */
export async function createMatchInTransaction(
  deps: MatchDeps,
  tx: TxStore,
  caller: Caller,
  input: {
    vacancyId: string;
    candidateId: string;
    source: MatchSummary["source"];
    phaseKeys?: readonly string[];
    /** Extra facts for the `match.created` payload (e.g. `{ talentPoolId }`). */
    via?: Record<string, unknown>;
  },
): Promise<{ match: MatchRow; phaseKey: string; vacancy: VacancyOfMatch }> {
  const inTx = { ...deps, store: tx };
  const { scope, vacancy } = await changeable(inTx, caller, input.vacancyId);
  const procedure = await procedureFor(inTx, scope, vacancy);
  const phase =
    (input.phaseKeys ?? [])
      .map((key) => procedure.phases.find((p) => p.key === key))
      .find((p) => p !== undefined) ?? entryPhase(procedure, input.source);
  const userId = caller.userId();
  const match = await tx.bind(scope, matchCreationRepository).create({
    portalId: vacancy.portalId,
    organisationId: vacancy.organisationId,
    vacancyId: vacancy.id,
    candidateId: input.candidateId,
    source: input.source,
    procedureId: procedure.id,
    phaseId: phase.id,
    status: applicationStatus(phase, null),
    createdByUserId: userId,
  });
  if (!match) throw new AppError("candidate_already_on_vacancy");
  await tx.emit(
    matchEvent(MATCH_EVENTS.created, match, userId, {
      source: input.source,
      procedureId: procedure.id,
      phaseId: phase.id,
      phaseKey: phase.key,
      ...input.via,
    }),
  );
  return { match, phaseKey: phase.key, vacancy };
}

/** Takes a saved candidate off the vacancy again; a candidate's own application stays. */
export async function unsaveCandidate(
  deps: MatchDeps,
  caller: Caller,
  vacancyId: string,
  candidateId: string,
): Promise<void> {
  const { scope } = await changeable(deps, caller, vacancyId);
  const userId = caller.userId();
  await deps.store.transaction(async (tx) => {
    const removed = await tx.bind(scope, matchesRepository).removeSaved(vacancyId, candidateId);
    if (removed)
      await tx.emit(matchEvent(MATCH_EVENTS.removed, removed, userId, { phaseId: removed.phaseId }));
  });
}

/** The vacancies this candidate is on that the caller's team can see (date, vacancy, by, proposed). */
export async function vacanciesOfCandidate(
  deps: MatchDeps,
  caller: Caller,
  candidateId: string,
): Promise<CandidateOnVacancy[]> {
  const rows = await deps.store
    .bind(await vacancyScopeOf(caller), matchesRepository)
    .vacanciesOfCandidate(candidateId);
  return rows.map(candidateOnVacancyDto);
}
