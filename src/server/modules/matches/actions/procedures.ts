import { randomBytes } from "node:crypto";
import type { Locale } from "../../../../contracts/common";
import type { Procedure, VacancyMatchesResponse } from "../../../../contracts/matches";
import { AppError } from "../../../platform/errors";
import { fieldMessage } from "../../../platform/i18n";
import { reaches, type TenantScope } from "../../../platform/scope";
import type { TxStore } from "../../../platform/store";
import type { Caller } from "../../tenancy";
import { VACANCY_STAFF_ROLES, vacancyScopeOf } from "../../vacancies";
import { MATCH_EVENTS } from "../matches.events";
import { milestonesOf } from "../matches.policy";
import { procedureDto } from "../matches.presenter";
import {
  type PhaseEdit,
  type ProcedureWithPhases,
  procedureEditsRepository,
  proceduresRepository,
  templatesRepository,
} from "../procedures.repository";
import { type MatchDeps, procedureFor, vacancyContext } from "./context";
import { listVacancyMatches } from "./vacancy-matches";

/** The procedures of the caller's organisations, or of one organisation whose vacancies they see. */
export async function listProcedures(
  deps: MatchDeps,
  caller: Caller,
  organisationId: string | undefined,
): Promise<Procedure[]> {
  const scope = await vacancyScopeOf(caller);
  const organisationIds = organisationId
    ? [organisationId]
    : await caller.organisationsAs(VACANCY_STAFF_ROLES);
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

/** The organisation's copy of the referral procedure (made on first use, as every procedure). */
export async function referralProcedureOf(
  deps: Pick<MatchDeps, "store">,
  scope: TenantScope,
  organisationId: string,
): Promise<ProcedureWithPhases> {
  if (!reaches(scope, organisationId)) throw new AppError("not_found");
  await deps.store.bind(scope, templatesRepository).ensureProcedures([organisationId]);
  const found = await deps.store.bind(scope, procedureEditsRepository).ofTemplate(organisationId, "referral");
  if (!found) throw new AppError("not_found");
  return found;
}

/**
 * Renames, adds, reorders and removes the milestones of a referral procedure, in the caller's
 * transaction. The entry phase stays first and the archive last; a milestone a candidate is in
 * or ever passed cannot be removed (its history must stay readable), only renamed.
 */
export async function editMilestones(
  tx: TxStore,
  scope: TenantScope,
  procedure: ProcedureWithPhases,
  milestones: readonly (PhaseEdit & { key?: string })[],
): Promise<void> {
  const current = milestonesOf(procedure);
  const currentIds = new Set(current.map((m) => m.id));
  if (milestones.some((m) => m.id !== null && !currentIds.has(m.id))) throw new AppError("milestone_unknown");
  const kept = new Set(milestones.map((m) => m.id));
  const removed = current.filter((m) => !kept.has(m.id)).map((m) => m.id);
  const repo = tx.bind(scope, procedureEditsRepository);
  if ((await repo.phasesInUse(removed)).length > 0) throw new AppError("milestone_in_use");
  const template = current[0] ?? procedure.phases.find((p) => p.outcomes.length > 0);
  const firstMilestone = current[0]?.position ?? Number.POSITIVE_INFINITY;
  const rest = procedure.phases.filter((p) => !currentIds.has(p.id));
  await repo.replacePhases(procedure, {
    head: rest.filter((p) => p.meaning === "active" && p.position < firstMilestone).map((p) => p.id),
    middle: milestones,
    tail: rest.filter((p) => !(p.meaning === "active" && p.position < firstMilestone)).map((p) => p.id),
    removed,
    template: template ?? {
      visibleToContacts: true,
      outcomes: ["green", "orange", "red"],
      meaning: "active",
    },
    keyOf: (index) => milestones[index]?.key ?? `m_${randomBytes(4).toString("hex")}`,
  });
}
