import type { VacancyMatchesResponse } from "../../../../contracts/matches";
import type { Caller } from "../../tenancy";
import { movablePhases } from "../matches.policy";
import { matchSummaryDto, phaseDto, procedureDto } from "../matches.presenter";
import { matchesRepository } from "../matches.repository";
import { proceduresRepository } from "../procedures.repository";
import { type MatchDeps, procedureFor, vacancyContext } from "./context";

/**
 * A vacancy's matches by phase of its procedure, for the staff vacancy page. Contact persons see
 * the phases meant for them (and matches that once were in one); matches still in a procedure
 * the vacancy no longer uses are listed after, under their own phases.
 */
export async function listVacancyMatches(
  deps: MatchDeps,
  caller: Caller,
  vacancyId: string,
): Promise<VacancyMatchesResponse> {
  const { scope, vacancy, access } = await vacancyContext(deps, caller, vacancyId);
  const procedure = await procedureFor(deps, scope, vacancy);
  const all = access.sees === "all";
  const rows = await deps.store.bind(scope, matchesRepository).listOfVacancy(vacancyId, !all);
  const procedures = deps.store.bind(scope, proceduresRepository);
  const others = await procedures.byIds([
    ...new Set(rows.map((r) => r.match.procedureId).filter((id) => id !== procedure.id)),
  ]);
  const phases = [...procedure.phases, ...others.flatMap((p) => p.phases)];
  const groups = phases.map((phase) => ({
    phase,
    matches: rows.filter((r) => r.match.phaseId === phase.id),
  }));
  const choices = access.chooseProcedure ? await procedures.list([vacancy.organisationId]) : [];
  return {
    procedure: procedureDto(procedure),
    phases: groups
      .filter(
        (g) =>
          g.matches.length > 0 ||
          (g.phase.procedureId === procedure.id && (all || g.phase.visibleToContacts)),
      )
      .map((g) => ({
        phase: phaseDto(g.phase),
        matches: g.matches.map((r) => matchSummaryDto(r.match, r.candidateName, g.phase)),
      })),
    permissions: {
      moveTo: movablePhases(access, procedure).map((p) => p.id),
      undo: access.steer,
      evaluate: true,
      chooseProcedure: access.chooseProcedure,
      sees: all ? "all" : "visible_to_contacts",
    },
    procedures: choices.map((p) => ({ id: p.id, name: p.name, kind: p.kind, isDefault: p.isDefault })),
  };
}
