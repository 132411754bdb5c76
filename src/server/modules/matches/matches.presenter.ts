import type { Evaluation, MatchStep, MatchSummary, Phase, Procedure } from "../../../contracts/matches";
import type { Application, CandidateOnVacancy } from "../../../contracts/vacancies";
import { matchState } from "./matches.policy";
import type { EvaluationRow, MatchRow, StepRow } from "./matches.repository";
import type { PhaseRow, ProcedureWithPhases } from "./procedures.repository";

export function phaseDto(row: PhaseRow): Phase {
  return {
    id: row.id,
    procedureId: row.procedureId,
    key: row.key,
    position: row.position,
    label: row.label,
    visibleToContacts: row.visibleToContacts,
    outcomes: row.outcomes,
    meaning: row.meaning,
    outcomeOptions: row.outcomeOptions,
  };
}

export function procedureDto(row: ProcedureWithPhases): Procedure {
  return {
    id: row.id,
    organisationId: row.organisationId,
    name: row.name,
    kind: row.kind,
    isDefault: row.isDefault,
    phases: row.phases.map(phaseDto),
  };
}

export function matchSummaryDto(match: MatchRow, candidateName: string, phase: PhaseRow): MatchSummary {
  return {
    id: match.id,
    vacancyId: match.vacancyId,
    candidate: { id: match.candidateId, name: candidateName },
    source: match.source,
    procedureId: match.procedureId,
    phaseId: match.phaseId,
    outcome: match.outcome,
    state: matchState(phase, match.outcome),
    phaseSince: match.phaseSince.toISOString(),
    createdAt: match.createdAt.toISOString(),
  };
}

const person = (id: string | null, name: string | null) => (id && name ? { id, name } : null);

export function stepDto(row: {
  step: StepRow;
  actorName: string | null;
  undoneByName: string | null;
}): MatchStep {
  const { step } = row;
  return {
    id: step.id,
    at: step.at.toISOString(),
    actor: person(step.actorUserId, row.actorName),
    fromPhaseId: step.fromPhaseId,
    toPhaseId: step.toPhaseId,
    outcome: step.outcome,
    outcomeOption: step.outcomeOption,
    comment: step.comment,
    undone: step.undoneAt
      ? { at: step.undoneAt.toISOString(), by: person(step.undoneByUserId, row.undoneByName) }
      : null,
  };
}

export function evaluationDto(row: { evaluation: EvaluationRow; authorName: string | null }): Evaluation {
  const { evaluation } = row;
  return {
    id: evaluation.id,
    at: evaluation.createdAt.toISOString(),
    author: person(evaluation.authorUserId, row.authorName),
    verdict: evaluation.verdict,
    comment: evaluation.comment,
    phaseId: evaluation.phaseId,
  };
}

export function applicationDto(row: {
  match: MatchRow;
  displayTitle: string;
  organisationName: string;
}): Application {
  return {
    id: row.match.id,
    vacancyId: row.match.vacancyId,
    displayTitle: row.displayTitle,
    organisationName: row.organisationName,
    status: row.match.status,
    motivation: row.match.motivation,
    cv: row.match.cvFileKey
      ? { fileName: row.match.cvFileName ?? "cv", url: `/api/v1/applications/${row.match.id}/cv` }
      : null,
    createdAt: row.match.createdAt.toISOString(),
  };
}

export function candidateOnVacancyDto(row: {
  match: MatchRow;
  displayTitle: string;
  organisationName: string;
  addedBy: string | null;
}): CandidateOnVacancy {
  return {
    vacancyId: row.match.vacancyId,
    displayTitle: row.displayTitle,
    organisationName: row.organisationName,
    source: row.match.source,
    addedBy: row.match.source === "applied" ? null : row.addedBy,
    addedAt: row.match.createdAt.toISOString(),
    proposed: row.match.proposedAt !== null,
  };
}
