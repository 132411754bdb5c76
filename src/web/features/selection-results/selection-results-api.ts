import { queryOptions } from "@tanstack/react-query";
import type { Locale } from "../../../contracts/common";
import {
  ApprovalDetailSchema,
  ApprovalListResponseSchema,
  type DecideApproval,
  type DecideRequest,
  type PutSelectionPartsRequest,
  type RequestApproval,
  type ScoreRequest,
  SelectionOverviewSchema,
} from "../../../contracts/selection-results";
import { api } from "../../api";

export const selectionKeys = {
  overview: (vacancyId: string) => ["selection-results", "overview", vacancyId] as const,
  approvals: ["selection-results", "approvals"] as const,
  approval: (id: string) => ["selection-results", "approvals", id] as const,
};

const base = (vacancyId: string) => `/api/v1/vacancies/${encodeURIComponent(vacancyId)}/selection`;

export function selectionQuery(vacancyId: string) {
  return queryOptions({
    queryKey: selectionKeys.overview(vacancyId),
    queryFn: ({ signal }) => api(base(vacancyId), SelectionOverviewSchema, { signal }),
    retry: false,
  });
}

export const saveParts = (vacancyId: string, body: PutSelectionPartsRequest) =>
  api(`${base(vacancyId)}/parts`, SelectionOverviewSchema, { method: "PUT", body });

export const saveScore = (vacancyId: string, matchId: string, partId: string, body: ScoreRequest) =>
  api(
    `${base(vacancyId)}/scores/${encodeURIComponent(matchId)}/${encodeURIComponent(partId)}`,
    SelectionOverviewSchema,
    { method: "PUT", body },
  );

export const decideOutcome = (vacancyId: string, body: DecideRequest) =>
  api(`${base(vacancyId)}/decisions`, SelectionOverviewSchema, { method: "POST", body });

export const askApproval = (vacancyId: string, body: RequestApproval) =>
  api(`${base(vacancyId)}/approvals`, SelectionOverviewSchema, { method: "POST", body });

/** The PV as a file to download (the browser follows the link; the server sends an attachment). */
export const reportUrl = (vacancyId: string, format: "pdf" | "xlsx", lang: Locale) =>
  `${base(vacancyId)}/report?format=${format}&lang=${lang}`;
export const approvalReportUrl = (id: string, format: "pdf" | "xlsx", lang: Locale) =>
  `/api/v1/selection-approvals/${encodeURIComponent(id)}?format=${format}&lang=${lang}`;

export const approvalsQuery = queryOptions({
  queryKey: selectionKeys.approvals,
  queryFn: ({ signal }) => api("/api/v1/selection-approvals", ApprovalListResponseSchema, { signal }),
});

export function approvalQuery(id: string) {
  return queryOptions({
    queryKey: selectionKeys.approval(id),
    queryFn: ({ signal }) =>
      api(`/api/v1/selection-approvals/${encodeURIComponent(id)}`, ApprovalDetailSchema, { signal }),
    retry: false,
  });
}

export const decideApproval = (id: string, body: DecideApproval) =>
  api(`/api/v1/selection-approvals/${encodeURIComponent(id)}/decision`, ApprovalDetailSchema, {
    method: "POST",
    body,
  });
