import type { ApprovalRequest, ApprovalSummary } from "../../../contracts/selection-results";
import type { ApprovalRow } from "./selection-results.repository";

export function approvalDto(row: ApprovalRow): ApprovalSummary {
  return {
    id: row.id,
    status: row.status,
    approver: { id: row.approverUserId, name: row.approverName },
    requestedBy: { id: row.requestedByUserId ?? "", name: row.requesterName ?? "" },
    message: row.message,
    remarks: row.remarks,
    requestedAt: row.requestedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

export function approvalRequestDto(row: ApprovalRow, mayDecide: boolean): ApprovalRequest {
  return {
    ...approvalDto(row),
    vacancy: { id: row.vacancyId, title: row.vacancyTitle, organisation: row.organisationName },
    mayDecide,
  };
}
