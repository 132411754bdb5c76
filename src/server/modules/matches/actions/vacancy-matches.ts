import type { Locale } from "../../../../contracts/common";
import type { Procedure, VacancyMatchesResponse } from "../../../../contracts/matches";
import { AppError } from "../../../platform/errors";
import { fieldMessage } from "../../../platform/i18n";
import { reaches } from "../../../platform/scope";
import type { Caller } from "../../tenancy";
import { VACANCY_STAFF_ROLES, vacancyScopeOf } from "../../vacancies";
import { MATCH_EVENTS } from "../matches.events";
import { movablePhases } from "../matches.policy";
import { matchSummaryDto, phaseDto, procedureDto } from "../matches.presenter";
import { matchesRepository } from "../matches.repository";
import { proceduresRepository, templatesRepository } from "../procedures.repository";
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

/** The procedures of the caller's organisations, or of one organisation whose vacancies they see. */
export async function listProcedures(
  deps: MatchDeps,
  caller: Caller,
  organisationId: string | undefined,
): Promise<Procedure[]> {
  const scope = await vacancyScopeOf(caller);
  const organisationIds = organisationId
    ? [organisationId]
    : await caller.organisationsAs(VACANCY_STAFF_ROLES.filter((r) => r !== "platform_admin"));
  if (organisationId && !reaches(scope, organisationId)) throw new AppError("not_found");
  await deps.store.bind(scope, templatesRepository).ensureProcedures(organisationIds);
  return (await deps.store.bind(scope, proceduresRepository).list(organisationIds)).map(procedureDto);
}

export async function getProcedure(deps: MatchDeps, caller: Caller, id: string): Promise<Procedure> {
  const found = await deps.store.bind(await vacancyScopeOf(caller), proceduresRepository).find(id);
  if (!found) throw new AppError("not_found");
  return procedureDto(found);
}

/**
 * Gives the vacancy one of its organisation's procedures (null: the default). Refused while
 * matches on it are in another procedure: they would fall out of its phases.
 */
export async function chooseVacancyProcedure(
  deps: MatchDeps,
  caller: Caller,
  vacancyId: string,
  procedureId: string | null,
  locale: Locale,
): Promise<VacancyMatchesResponse> {
  const { scope, vacancy, access } = await vacancyContext(deps, caller, vacancyId);
  if (!access.chooseProcedure) throw new AppError("forbidden");
  const procedures = deps.store.bind(scope, proceduresRepository);
  const chosen = procedureId
    ? await procedures.find(procedureId)
    : await procedureFor(deps, scope, { organisationId: vacancy.organisationId, procedureId: null });
  if (!chosen || chosen.organisationId !== vacancy.organisationId) {
    throw new AppError("validation_failed", {
      fields: [{ path: "procedureId", message: fieldMessage("unknown_option", locale) }],
    });
  }
  if (procedureId === vacancy.procedureId) return listVacancyMatches(deps, caller, vacancyId);
  if (await procedures.vacancyHasMatchesOutside(vacancyId, chosen.id)) throw new AppError("procedure_in_use");
  const userId = caller.userId();
  await deps.store.transaction(async (tx) => {
    await tx.bind(scope, proceduresRepository).setVacancyProcedure(vacancyId, procedureId);
    await tx.emit({
      type: MATCH_EVENTS.procedureChosen,
      organisationId: vacancy.organisationId,
      portalId: vacancy.portalId,
      subject: { vacancyId, procedureId: chosen.id },
      actorUserId: userId,
      payload: { from: vacancy.procedureId, to: procedureId, kind: chosen.kind },
    });
  });
  return listVacancyMatches(deps, caller, vacancyId);
}
