import { isCalendarDate } from "../../../../contracts/calendar-weeks";
import type {
  CreatePlacementRequest,
  Placement,
  PlacementDetailResponse,
  PlacementListQuery,
  PlacementListResponse,
  PlacementOptionsResponse,
  UpdatePlacementRequest,
} from "../../../../contracts/placements";
import { AppError, type FieldError } from "../../../platform/errors";
import { fieldMessage, type MessageLocale } from "../../../platform/i18n";
import type { TenantScope } from "../../../platform/scope";
import { contactsWithPortalAccess, type MatchDeps, matchContext } from "../../matches";
import type { Caller } from "../../tenancy";
import { PLACEMENT_EVENTS, placementEvent } from "../placements.events";
import { type PlacementTerms, RECRUITER_ROLES } from "../placements.policy";
import { placementDto, summaryDto, sumTotals } from "../placements.presenter";
import { type PlacementRow, placementsRepository, timesheetsRepository } from "../placements.repository";

export interface PlacementDeps extends MatchDeps {
  /** Today's date in the Netherlands (`YYYY-MM-DD`); tests may pin it. */
  today: () => string;
}

/** The recruiters' scope: the team's organisations and the employers it keeps. */
export function recruiterScope(caller: Caller) {
  return caller.scopeAs(
    RECRUITER_ROLES.filter((r) => r !== "platform_admin"),
    null,
    { teamEmployers: "kept" },
  );
}

const RECRUITER = { kind: "recruiter" } as const;

function fail(fields: FieldError[]): never {
  throw new AppError("validation_failed", { fields });
}

/**
 * The terms must hold together: real dates, the end not before the start, someone to approve
 * when the client approves, and those people contacts of this employer with portal access.
 */
async function checkTerms(
  deps: PlacementDeps,
  scope: TenantScope,
  organisationId: string,
  terms: PlacementTerms & { approverIds: readonly string[] },
  locale: MessageLocale,
  hoursBetween: { first: string | null; last: string | null } = { first: null, last: null },
) {
  const fields: FieldError[] = [];
  const field = (path: string, key: string) => fields.push({ path, message: fieldMessage(key, locale) });
  if (!isCalendarDate(terms.startDate)) field("startDate", "date_invalid");
  if (terms.endDate !== null && !isCalendarDate(terms.endDate)) field("endDate", "date_invalid");
  else if (terms.endDate !== null && terms.endDate < terms.startDate) field("endDate", "end_before_start");
  if (hoursBetween.first && terms.startDate > hoursBetween.first)
    field("startDate", "date_outside_placement");
  if (hoursBetween.last && terms.endDate !== null && terms.endDate < hoursBetween.last)
    field("endDate", "date_outside_placement");
  if (terms.needsClientApproval && terms.approverIds.length === 0) field("approverIds", "approver_required");
  const contacts = await contactsWithPortalAccess(deps.store, scope, organisationId);
  const approvers = terms.approverIds.map((id) => contacts.find((c) => c.id === id));
  if (approvers.some((a) => !a)) field("approverIds", "approver_invalid");
  if (fields.length > 0) fail(fields);
  return approvers.flatMap((a) => (a ? [{ contactPersonId: a.id, userId: a.userId }] : []));
}

/** A match the caller may record the placement of: seen, and kept by the caller's team. */
async function placeableMatch(deps: PlacementDeps, caller: Caller, matchId: string) {
  const context = await matchContext(deps, caller, matchId);
  const { actor, vacancy, procedure, match } = context;
  const mayRecord = actor.platformAdmin || actor.accountManagerFor.includes(vacancy.organisationId);
  const phase = procedure.phases.find((p) => p.id === match.phaseId);
  const hired = phase?.meaning === "hired" && match.outcome !== "red";
  return { ...context, mayRecord, hired };
}

/** What the "Plaatsing vastleggen" dialog needs: may the caller, who approves, and what exists. */
export async function placementOptions(
  deps: PlacementDeps,
  caller: Caller,
  matchId: string,
): Promise<PlacementOptionsResponse> {
  const { scope, mayRecord, hired, vacancy } = await placeableMatch(deps, caller, matchId);
  if (!mayRecord) return { mayPlace: false, approvers: [], placement: null };
  const existing = await deps.store.bind(scope, placementsRepository).findByMatch(matchId);
  const contacts = await contactsWithPortalAccess(deps.store, scope, vacancy.organisationId);
  return {
    mayPlace: hired && !existing,
    approvers: contacts.map((c) => ({ contactPersonId: c.id, name: c.name, email: c.email })),
    placement: existing ? placementDto(existing, deps.today()) : null,
  };
}

/** "Plaatsing vastleggen": once per match, when it is in a hired phase. */
export async function createPlacement(
  deps: PlacementDeps,
  caller: Caller,
  input: CreatePlacementRequest,
  locale: MessageLocale,
): Promise<Placement> {
  const { scope, mayRecord, hired, match, vacancy } = await placeableMatch(deps, caller, input.matchId);
  if (!mayRecord) throw new AppError("forbidden");
  if (!hired) throw new AppError("match_not_hired");
  const repo = deps.store.bind(scope, placementsRepository);
  if (await repo.findByMatch(match.id)) throw new AppError("placement_exists");
  const approvers = await checkTerms(deps, scope, vacancy.organisationId, input, locale);
  const employerId = (await repo.employerOf(vacancy.organisationId)) ?? vacancy.organisationId;
  const userId = caller.userId();
  await deps.store.transaction(async (tx) => {
    const created = await tx.bind(scope, placementsRepository).create(
      {
        organisationId: match.organisationId,
        employerId,
        portalId: match.portalId,
        matchId: match.id,
        vacancyId: match.vacancyId,
        candidateId: match.candidateId,
        startDate: input.startDate,
        endDate: input.endDate,
        needsClientApproval: input.needsClientApproval,
        rateCents: input.rateCents,
        nonBillable: input.nonBillable,
        createdByUserId: userId,
      },
      approvers,
    );
    if (!created) throw new AppError("placement_exists");
    await tx.emit(placementEvent(PLACEMENT_EVENTS.created, created, userId));
  });
  const row = await repo.findByMatch(match.id);
  if (!row) throw new AppError("not_found");
  return placementDto(row, deps.today());
}

async function recruiterPlacement(deps: PlacementDeps, caller: Caller, id: string) {
  const scope = await recruiterScope(caller);
  const row = await deps.store.bind(scope, timesheetsRepository).placement(RECRUITER, id);
  if (!row) throw new AppError("not_found");
  return { scope, row };
}

/** "Wijzigen": the dates (ending a placement), approvers, approval and rate. Weeks with hours stay covered. */
export async function updatePlacement(
  deps: PlacementDeps,
  caller: Caller,
  id: string,
  patch: UpdatePlacementRequest,
  locale: MessageLocale,
): Promise<Placement> {
  const { scope, row } = await recruiterPlacement(deps, caller, id);
  const p = row.placement;
  const terms = {
    startDate: patch.startDate ?? p.startDate,
    endDate: patch.endDate === undefined ? p.endDate : patch.endDate,
    needsClientApproval: patch.needsClientApproval ?? p.needsClientApproval,
    rateCents: patch.rateCents === undefined ? p.rateCents : patch.rateCents,
    nonBillable: patch.nonBillable ?? p.nonBillable,
    approverIds: patch.approverIds ?? row.approvers.map((a) => a.contactPersonId),
  };
  const repo = deps.store.bind(scope, placementsRepository);
  const approvers = await checkTerms(
    deps,
    scope,
    p.organisationId,
    terms,
    locale,
    await repo.datesWithHours(id),
  );
  const userId = caller.userId();
  await deps.store.transaction(async (tx) => {
    const { approverIds: _ignored, ...values } = terms;
    const updated = await tx
      .bind(scope, placementsRepository)
      .update(id, values, patch.approverIds ? approvers : null);
    if (!updated) throw new AppError("not_found");
    await tx.emit(placementEvent(PLACEMENT_EVENTS.updated, updated, userId, { fields: Object.keys(patch) }));
  });
  const { row: fresh } = await recruiterPlacement(deps, caller, id);
  return placementDto(fresh, deps.today());
}

/** The recruiters' list with filters (active, upcoming, ended; employer; name). */
export async function listPlacements(
  deps: PlacementDeps,
  caller: Caller,
  query: PlacementListQuery,
): Promise<PlacementListResponse> {
  const scope = await recruiterScope(caller);
  const repo = deps.store.bind(scope, placementsRepository);
  const today = deps.today();
  const [{ rows, total }, employers] = await Promise.all([
    repo.list({
      status: query.status,
      employerId: query.employerId,
      q: query.q,
      today,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    }),
    repo.employers(),
  ]);
  return {
    placements: rows.map((r: PlacementRow) => placementDto(r, today)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    employers,
  };
}

/** One placement with all its saved weeks and their totals (the chart of hours per week). */
export async function placementDetail(
  deps: PlacementDeps,
  caller: Caller,
  id: string,
): Promise<PlacementDetailResponse> {
  const { scope, row } = await recruiterPlacement(deps, caller, id);
  const weeks = await deps.store.bind(scope, timesheetsRepository).weeks(RECRUITER, [id]);
  const summaries = weeks.map((w) => summaryDto(row, w.timesheet.weekStart, w));
  return {
    placement: placementDto(row, deps.today()),
    weeks: summaries,
    totals: sumTotals(summaries.filter((w) => w.status === "approved").map((w) => w.totals)),
    mayEdit: true,
  };
}
