import type { CandidateOnVacancy } from "../../../../contracts/vacancies";
import { AppError } from "../../../platform/errors";
import type { Caller } from "../../tenancy";
import { canEdit, canRead, vacancyActorOf, vacancyScopeOf } from "../../vacancies";
import { MATCH_EVENTS, matchEvent } from "../matches.events";
import { applicationStatus, entryPhase } from "../matches.policy";
import { candidateOnVacancyDto } from "../matches.presenter";
import { matchCreationRepository, matchesRepository } from "../matches.repository";
import { type MatchDeps, procedureFor } from "./context";

/** A vacancy the caller may change (404 when they may not even read it, so ids cannot be probed). */
async function changeable(deps: MatchDeps, caller: Caller, vacancyId: string) {
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
