import type { EvaluateMatchRequest, Evaluation } from "../../../../contracts/matches";
import type { Caller } from "../../tenancy";
import { MATCH_EVENTS, matchEvent } from "../matches.events";
import { evaluationDto } from "../matches.presenter";
import { matchesRepository } from "../matches.repository";
import { type MatchDeps, matchContext } from "./context";

/** A person's verdict on a match with a comment (Carerix's "Evaluatie"): anyone who sees it. */
export async function evaluateMatch(
  deps: MatchDeps,
  caller: Caller,
  matchId: string,
  input: EvaluateMatchRequest,
): Promise<Evaluation> {
  const { scope, match } = await matchContext(deps, caller, matchId);
  const userId = caller.userId();
  const created = await deps.store.transaction(async (tx) => {
    const evaluation = await tx.bind(scope, matchesRepository).addEvaluation({
      matchId: match.id,
      organisationId: match.organisationId,
      authorUserId: userId,
      verdict: input.verdict,
      comment: input.comment,
      phaseId: match.phaseId,
    });
    await tx.emit(
      matchEvent(MATCH_EVENTS.evaluated, match, userId, {
        evaluationId: evaluation.id,
        verdict: input.verdict,
        phaseId: match.phaseId,
      }),
    );
    return evaluation;
  });
  const [row] = (await deps.store.bind(scope, matchesRepository).evaluations(match.id)).filter(
    (e) => e.evaluation.id === created.id,
  );
  return evaluationDto(row ?? { evaluation: created, authorName: null });
}
