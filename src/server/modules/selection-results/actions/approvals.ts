import type { z } from "zod";
import type { Locale } from "../../../../contracts/common";
import type {
  ApprovalDetail,
  ApprovalListResponse,
  DecideApprovalSchema,
  RequestApprovalSchema,
  SelectionOverview,
} from "../../../../contracts/selection-results";
import { AppError } from "../../../platform/errors";
import { fieldMessage, type MessageLocale } from "../../../platform/i18n";
import type { Caller } from "../../tenancy";
import { INVOLVED_ROLES, VACANCY_STAFF_ROLES } from "../../vacancies";
import { SELECTION_EVENTS, selectionEvent } from "../selection-results.events";
import { approvalRequestDto } from "../selection-results.presenter";
import { selectionResultsRepository } from "../selection-results.repository";
import { assertManager, type SelectionResultsDeps, selectionContext } from "./context";
import { reportOf } from "./report";
import { overviewOf } from "./selection";

type RequestInput = z.output<typeof RequestApprovalSchema>;
type DecideInput = z.output<typeof DecideApprovalSchema>;

/** Who may be asked to approve a PV: staff of the vacancy's family (HR officers and leaders). */
const APPROVER_ROLES = [...VACANCY_STAFF_ROLES, ...INVOLVED_ROLES] as const;

/**
 * "Goedkeuring vragen": the officer sends the PV as it stands now to one of the vacancy's HR
 * officers or leaders. One request waits at a time; after a rejection a new one may follow,
 * after an approval none is needed.
 */
export async function requestApproval(
  deps: SelectionResultsDeps,
  caller: Caller,
  vacancyId: string,
  input: RequestInput,
  locale: Locale,
  messages: MessageLocale,
  now: Date,
): Promise<SelectionOverview> {
  const ctx = await selectionContext(deps, caller, vacancyId);
  if (!ctx.manage && !ctx.isJury) throw new AppError("not_on_jury");
  assertManager(ctx);
  if (ctx.locked === "closed") throw new AppError("procedure_closed");
  if (ctx.locked === "approval_pending") throw new AppError("approval_pending");
  if (ctx.locked === "approved") throw new AppError("selection_already_approved");
  const approvers = await ctx.repo.team(vacancyId, ["hr", "leader"]);
  if (!approvers.some((a) => a.id === input.approverUserId))
    throw new AppError("validation_failed", {
      fields: [{ path: "approverUserId", message: fieldMessage("approver_not_on_team", messages) }],
    });
  const report = await reportOf(ctx, now);
  await deps.store.transaction(async (tx) => {
    const approvalId = await tx.bind(ctx.scope, selectionResultsRepository).insertApproval({
      organisationId: ctx.vacancy.organisationId,
      vacancyId,
      requestedByUserId: ctx.userId,
      approverUserId: input.approverUserId,
      message: input.message,
      report,
    });
    await tx.emit(
      selectionEvent(SELECTION_EVENTS.approvalRequested, ctx.vacancy, approvalId, ctx.userId, {}),
    );
  });
  return overviewOf(await selectionContext(deps, caller, vacancyId), locale);
}

async function approverScope(caller: Caller) {
  return caller.scopeAs(APPROVER_ROLES);
}

/** "Vacatures goedkeuren": the requests the caller was asked to decide, waiting ones first. */
export async function myApprovals(deps: SelectionResultsDeps, caller: Caller): Promise<ApprovalListResponse> {
  const scope = await approverScope(caller);
  const rows = await deps.store.bind(scope, selectionResultsRepository).approvalsFor(caller.userId());
  return {
    items: rows.map((r) => approvalRequestDto(r, r.status === "pending" && !r.procedureClosed)),
  };
}

/** One request with the PV as sent; 404 for anyone but the person asked. */
export async function approvalDetail(
  deps: SelectionResultsDeps,
  caller: Caller,
  id: string,
): Promise<ApprovalDetail> {
  const scope = await approverScope(caller);
  const row = await deps.store.bind(scope, selectionResultsRepository).approvalFor(id, caller.userId());
  if (!row) throw new AppError("not_found");
  const { report, ...rest } = row;
  return {
    ...approvalRequestDto(rest, rest.status === "pending" && !rest.procedureClosed),
    report,
  };
}

/**
 * The person asked approves or rejects the procedure and its PV, with remarks (required when
 * rejecting: the officer needs to know what to fix). Decided once; the officer hears by mail.
 */
export async function decideApproval(
  deps: SelectionResultsDeps,
  caller: Caller,
  id: string,
  input: DecideInput,
  messages: MessageLocale,
): Promise<ApprovalDetail> {
  const scope = await approverScope(caller);
  const repo = deps.store.bind(scope, selectionResultsRepository);
  const row = await repo.approvalFor(id, caller.userId());
  if (!row) throw new AppError("not_found");
  if (row.status !== "pending") throw new AppError("approval_decided");
  if (row.procedureClosed) throw new AppError("procedure_closed");
  if (input.decision === "rejected" && !input.remarks)
    throw new AppError("validation_failed", {
      fields: [{ path: "remarks", message: fieldMessage("rejection_remarks_required", messages) }],
    });
  await deps.store.transaction(async (tx) => {
    const decided = await tx
      .bind(scope, selectionResultsRepository)
      .decideApproval(id, input.decision, input.remarks);
    if (!decided) throw new AppError("approval_decided");
    await tx.emit(
      selectionEvent(
        SELECTION_EVENTS.approvalDecided,
        { id: row.vacancyId, organisationId: row.organisationId, portalId: row.portalId },
        id,
        caller.userId(),
        { decision: input.decision },
      ),
    );
  });
  return approvalDetail(deps, caller, id);
}
