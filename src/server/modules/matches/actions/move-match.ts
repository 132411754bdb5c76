import type { MatchDetail, MoveMatchRequest } from "../../../../contracts/matches";
import { AppError } from "../../../platform/errors";
import type { TenantScope } from "../../../platform/scope";
import type { TxStore } from "../../../platform/store";
import type { Caller } from "../../tenancy";
import { MATCH_EVENTS, matchEvent } from "../matches.events";
import {
  applicationStatus,
  isClosed,
  matchState,
  mayUndo,
  movablePhases,
  openMilestone,
} from "../matches.policy";
import { evaluationDto, matchSummaryDto, procedureDto, stepDto } from "../matches.presenter";
import { type MatchRow, matchesRepository, type StepRow } from "../matches.repository";
import type { PhaseRow } from "../procedures.repository";
import { type MatchDeps, matchContext } from "./context";

/**
 * What a domain built on matches (referrals) does in the transaction of a step, so that its own
 * rows (the referrer's points) change together with the match or not at all.
 */
export interface StepHooks {
  moved?: (
    tx: TxStore,
    facts: { scope: TenantScope; step: StepRow; match: MatchRow; target: PhaseRow },
  ) => Promise<void>;
  undone?: (
    tx: TxStore,
    facts: { scope: TenantScope; undone: StepRow; match: MatchRow; back: PhaseRow },
  ) => Promise<void>;
}

/** One match with its procedure, full history and evaluations, and what the caller may do. */
export async function getMatch(deps: MatchDeps, caller: Caller, matchId: string): Promise<MatchDetail> {
  const { scope, access, match, candidateName, vacancy, procedure } = await matchContext(
    deps,
    caller,
    matchId,
  );
  const repo = deps.store.bind(scope, matchesRepository);
  // One after another: inside a transaction that joins several moves (the applicants' bulk
  // move) these share one client, where queries at once are deprecated by node-postgres.
  const history = await repo.history(match.id);
  const evaluations = await repo.evaluations(match.id);
  const [last] = await repo.liveSteps(match.id, 1);
  const phase = procedure.phases.find((p) => p.id === match.phaseId)!;
  const state = matchState(phase, match.outcome);
  const phaseOf = (id: string | null | undefined) => procedure.phases.find((p) => p.id === id);
  return {
    ...matchSummaryDto(match, candidateName, phase),
    vacancy: { id: vacancy.id, displayTitle: vacancy.displayTitle },
    procedure: procedureDto(procedure),
    motivation: match.motivation,
    channelSource: match.channelSource,
    history: history.map(stepDto),
    evaluations: evaluations.map(evaluationDto),
    permissions: {
      moveTo: isClosed(state) ? [] : movablePhases(access, procedure).map((p) => p.id),
      undo:
        last !== undefined &&
        last.seq > 0 &&
        mayUndo(access, phaseOf(last.fromPhaseId), phaseOf(last.toPhaseId)),
      evaluate: true,
    },
  };
}

/**
 * Moves a match to a phase of its procedure, with an outcome the phase allows and a comment.
 * A closed match (hired, rejected, archived, withdrawn) moves only by undoing its last step;
 * a red outcome archives it. The step and the match change in one transaction with the event.
 */
export async function moveMatch(
  deps: MatchDeps,
  caller: Caller,
  matchId: string,
  input: MoveMatchRequest & { outcomeOption?: string },
  given?: StepHooks,
): Promise<MatchDetail> {
  const { scope, access, match, procedure } = await matchContext(deps, caller, matchId);
  if (!access.steer) throw new AppError("forbidden");
  const hooks = given ?? deps.stepHooks?.[procedure.kind] ?? {};
  // An unknown id and a phase of another procedure are the same mistake to the person making it.
  const target = procedure.phases.find((p) => p.id === input.phaseId);
  if (!target) throw new AppError("phase_unknown");
  if (!movablePhases(access, procedure).includes(target)) throw new AppError("forbidden");
  const current = procedure.phases.find((p) => p.id === match.phaseId)!;
  if (isClosed(matchState(current, match.outcome))) throw new AppError("match_closed");
  // A named choice (a referral milestone's "Niet bereikt") carries its colour as the outcome.
  const option =
    input.outcomeOption === undefined
      ? null
      : target.outcomeOptions.find((o) => o.key === input.outcomeOption);
  if (option === undefined) throw new AppError("outcome_not_allowed");
  const outcome = option?.colour ?? input.outcome ?? null;
  if (option && input.outcome != null && input.outcome !== option.colour)
    throw new AppError("outcome_not_allowed");
  if (outcome !== null && !target.outcomes.includes(outcome)) throw new AppError("outcome_not_allowed");
  if (target.id === match.phaseId && outcome === match.outcome) {
    // Another named outcome of the same colour ("Nog niet bereikt", then "Voicemail ingesproken")
    // is news; the same one again is not.
    const [last] = option ? await deps.store.bind(scope, matchesRepository).liveSteps(match.id, 1) : [];
    if (!option || last?.outcomeOption === option.key) throw new AppError("already_in_phase");
  }
  // Referral milestones are taken in turn, each with an outcome: none is skipped.
  if (
    procedure.kind === "referral" &&
    (openMilestone(procedure, match)?.id !== target.id || outcome === null)
  )
    throw new AppError(outcome === null ? "outcome_not_allowed" : "milestone_not_open");
  const userId = caller.userId();
  await deps.store.transaction(async (tx) => {
    const repo = tx.bind(scope, matchesRepository);
    // The match first: it holds the row lock, so a second mover waits and then finds it moved.
    const moved = await repo.setPhase(
      match.id,
      { phaseId: match.phaseId, outcome: match.outcome },
      {
        phaseId: target.id,
        outcome,
        since: "now",
        status: applicationStatus(target, outcome),
        proposalNow: target.key === "proposed",
      },
    );
    if (!moved) throw new AppError("match_changed");
    const step = await repo.addStep({
      match,
      fromPhaseId: match.phaseId,
      toPhaseId: target.id,
      outcome,
      outcomeOption: option?.key ?? null,
      comment: input.comment || null,
      actorUserId: userId,
    });
    await hooks.moved?.(tx, { scope, step, match, target });
    await tx.emit(
      matchEvent(MATCH_EVENTS.moved, match, userId, {
        stepId: step.id,
        procedureId: procedure.id,
        procedureKind: procedure.kind,
        fromPhaseId: match.phaseId,
        toPhaseId: target.id,
        toPhaseKey: target.key,
        outcome,
        state: matchState(target, outcome),
      }),
    );
  });
  return getMatch(deps, caller, matchId);
}

/** Undoes the last step that still stands: the match goes back to where the step before left it. */
export async function undoMatch(
  deps: MatchDeps,
  caller: Caller,
  matchId: string,
  given?: StepHooks,
): Promise<MatchDetail> {
  const { scope, access, match, procedure } = await matchContext(deps, caller, matchId);
  if (!access.steer) throw new AppError("forbidden");
  const hooks = given ?? deps.stepHooks?.[procedure.kind] ?? {};
  const repo = deps.store.bind(scope, matchesRepository);
  const [last, before] = await repo.liveSteps(match.id, 2);
  // The first step is where the match began: there is nothing before it to go back to.
  if (!last || !before || last.seq === 0) throw new AppError("nothing_to_undo");
  const phaseOf = (id: string | null) => procedure.phases.find((p) => p.id === id);
  if (!mayUndo(access, phaseOf(last.fromPhaseId), phaseOf(last.toPhaseId))) throw new AppError("forbidden");
  const back = phaseOf(before.toPhaseId);
  if (!back) throw new AppError("match_changed");
  const userId = caller.userId();
  await deps.store.transaction(async (tx) => {
    const inTx = tx.bind(scope, matchesRepository);
    await inTx.markUndone(last.id, userId);
    const restored = await inTx.setPhase(
      match.id,
      { phaseId: match.phaseId, outcome: match.outcome },
      {
        phaseId: back.id,
        outcome: before.outcome,
        since: before.at,
        status: applicationStatus(back, before.outcome),
        proposalNow: false,
      },
    );
    if (!restored) throw new AppError("match_changed");
    await hooks.undone?.(tx, { scope, undone: last, match, back });
    await tx.emit(
      matchEvent(MATCH_EVENTS.undone, match, userId, {
        stepId: last.id,
        procedureId: procedure.id,
        procedureKind: procedure.kind,
        fromPhaseId: match.phaseId,
        toPhaseId: back.id,
        toPhaseKey: back.key,
        outcome: before.outcome,
        state: matchState(back, before.outcome),
      }),
    );
  });
  return getMatch(deps, caller, matchId);
}
