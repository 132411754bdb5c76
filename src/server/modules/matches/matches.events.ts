import type { DomainEventInput } from "../../platform/store";
import type { MatchRow } from "./matches.repository";

/**
 * The events the matches domain emits, each in the transaction of its change (decision 0015).
 * Payloads carry ids, phase keys and outcomes, never a motivation, comment or CV: a subscriber
 * that needs more reads it with its own scope. No subscribers yet; notifications to referrers
 * and hiring managers, and webhooks, will attach here.
 */
export const MATCH_EVENTS = {
  created: "match.created",
  removed: "match.removed",
  moved: "match.moved",
  undone: "match.undone",
  evaluated: "match.evaluated",
  /** payload { proposalId, fromPhaseId, toPhaseId, created } */
  proposed: "match.proposed",
  /** payload { proposalId, fromPhaseId, toPhaseId } */
  proposalWithdrawn: "match.proposal_withdrawn",
  /** payload { proposalId, decision, evaluationId, toPhaseId, toPhaseKey } */
  proposalDecided: "match.proposal_decided",
  procedureChosen: "vacancy.procedure_chosen",
} as const;

type MatchFacts = Pick<MatchRow, "id" | "organisationId" | "portalId" | "vacancyId" | "candidateId">;

export function matchEvent(
  type: (typeof MATCH_EVENTS)[Exclude<keyof typeof MATCH_EVENTS, "procedureChosen">],
  match: MatchFacts,
  actorUserId: string | null,
  payload: Record<string, unknown>,
): DomainEventInput {
  return {
    type,
    organisationId: match.organisationId,
    portalId: match.portalId,
    subject: { matchId: match.id, vacancyId: match.vacancyId, candidateId: match.candidateId },
    actorUserId,
    payload,
  };
}
