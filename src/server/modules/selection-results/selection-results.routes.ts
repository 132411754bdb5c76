import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Locale } from "../../../contracts/common";
import {
  ApprovalDetailSchema,
  ApprovalListResponseSchema,
  DecideApprovalSchema,
  DecideRequestSchema,
  PutSelectionPartsRequestSchema,
  ReportQuerySchema,
  RequestApprovalSchema,
  ScoreRequestSchema,
  SelectionOverviewSchema,
  type SelectionReport,
  SelectionReportSchema,
} from "../../../contracts/selection-results";
import { errorResponses } from "../../platform/http";
import { requestLocale, requestMessageLocale } from "../../platform/i18n";
import { sendDownload } from "../../platform/uploads";
import { callerOf } from "../tenancy";
import { approvalDetail, decideApproval, myApprovals, requestApproval } from "./actions/approvals";
import type { SelectionResultsDeps } from "./actions/context";
import { selectionReport } from "./actions/report";
import { decide, getSelection, putParts, putScore } from "./actions/selection";
import { renderSelectionReportPdf } from "./report-pdf";
import { selectionReportXlsx } from "./report-xlsx";
import { selectionResultsPolicy as policy } from "./selection-results.policy";

const errors = errorResponses(400, 401, 403, 404, 409, 422);
const IdParams = z.object({ id: z.string().uuid() });
const ScoreParams = z.object({
  id: z.string().uuid(),
  matchId: z.string().uuid(),
  partId: z.string().uuid(),
});
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface SelectionResultsRouteDeps {
  selection: SelectionResultsDeps;
  now?: () => Date;
}

/** The PV as a file: the spreadsheet or the tagged PDF, named after the vacancy. */
async function sendReport(
  reply: FastifyReply,
  report: SelectionReport,
  format: "pdf" | "xlsx",
  lang: Locale,
) {
  const slug = report.vacancy.title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  const base = `${lang === "nl" ? "pv-rapport" : "selection-report"}-${slug}`;
  return format === "pdf"
    ? sendDownload(reply, {
        data: await renderSelectionReportPdf(report, lang),
        contentType: "application/pdf",
        fileName: `${base}.pdf`,
      })
    : sendDownload(reply, {
        data: await selectionReportXlsx(report, lang),
        contentType: XLSX,
        fileName: `${base}.xlsx`,
      });
}

/** Selection parts, jury scores, decisions, the PV-rapport and its approval (issue 16 parts 3-4). */
export async function registerSelectionResultsRoutes(
  app: FastifyInstance,
  deps: SelectionResultsRouteDeps,
): Promise<void> {
  const selection = deps.selection;
  const now = deps.now ?? (() => new Date());
  await app.register(async (scope) => {
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ["selection-results"];

    r.get(
      "/api/v1/vacancies/:id/selection",
      {
        config: { access: policy.participants },
        schema: {
          tags,
          summary:
            "The vacancy's selection parts, jury and applicants with scores (officer: all; jury: their own)",
          params: IdParams,
          response: { 200: SelectionOverviewSchema, ...errors },
        },
      },
      async (request) =>
        getSelection(selection, callerOf(request), request.params.id, requestLocale(request)),
    );

    r.put(
      "/api/v1/vacancies/:id/selection/parts",
      {
        config: { access: policy.officers },
        schema: {
          tags,
          summary: "Set the vacancy's selection parts in order (name, dates, maximum score)",
          params: IdParams,
          body: PutSelectionPartsRequestSchema,
          response: { 200: SelectionOverviewSchema, ...errors },
        },
      },
      async (request) =>
        putParts(
          selection,
          callerOf(request),
          request.params.id,
          request.body,
          requestLocale(request),
          requestMessageLocale(request),
        ),
    );

    r.put(
      "/api/v1/vacancies/:id/selection/scores/:matchId/:partId",
      {
        config: { access: policy.participants },
        schema: {
          tags,
          summary: "A jury member's own score and/or verdict with motivation on one applicant for one part",
          params: ScoreParams,
          body: ScoreRequestSchema,
          response: { 200: SelectionOverviewSchema, ...errors },
        },
      },
      async (request) =>
        putScore(
          selection,
          callerOf(request),
          request.params.id,
          request.params.matchId,
          request.params.partId,
          request.body,
          requestLocale(request),
          requestMessageLocale(request),
        ),
    );

    r.post(
      "/api/v1/vacancies/:id/selection/decisions",
      {
        config: { access: policy.officers },
        schema: {
          tags,
          summary: "Decide an applicant's outcome (passed, failed, reserve): moves the match's phase",
          params: IdParams,
          body: DecideRequestSchema,
          response: { 200: SelectionOverviewSchema, ...errors },
        },
      },
      async (request) =>
        decide(selection, callerOf(request), request.params.id, request.body, requestLocale(request)),
    );

    r.get(
      "/api/v1/vacancies/:id/selection/report",
      {
        config: { access: policy.officers },
        schema: {
          tags,
          summary: "The PV-rapport as it stands: JSON, tagged PDF or xlsx",
          params: IdParams,
          querystring: ReportQuerySchema,
          response: { 200: SelectionReportSchema, ...errors },
        },
      },
      async (request, reply) => {
        const report = await selectionReport(selection, callerOf(request), request.params.id, now());
        if (request.query.format === "json") return report;
        // The files are the JSON's other forms; the typed reply knows only the JSON.
        return sendReport(
          reply as FastifyReply,
          report,
          request.query.format,
          request.query.lang ?? requestLocale(request),
        );
      },
    );

    r.post(
      "/api/v1/vacancies/:id/selection/approvals",
      {
        config: { access: policy.officers },
        schema: {
          tags,
          summary: "Ask the vacancy's HR officer or leader to approve the procedure and its PV",
          params: IdParams,
          body: RequestApprovalSchema,
          response: { 200: SelectionOverviewSchema, ...errors },
        },
      },
      async (request) =>
        requestApproval(
          selection,
          callerOf(request),
          request.params.id,
          request.body,
          requestLocale(request),
          requestMessageLocale(request),
          now(),
        ),
    );

    r.get(
      "/api/v1/selection-approvals",
      {
        config: { access: policy.approvers },
        schema: {
          tags,
          summary: "Vacatures goedkeuren: the PV approval requests sent to me, waiting ones first",
          response: { 200: ApprovalListResponseSchema, ...errors },
        },
      },
      async (request) => myApprovals(selection, callerOf(request)),
    );

    r.get(
      "/api/v1/selection-approvals/:id",
      {
        config: { access: policy.approvers },
        schema: {
          tags,
          summary: "One approval request sent to me, with the PV as sent (JSON, PDF or xlsx)",
          params: IdParams,
          querystring: ReportQuerySchema,
          response: { 200: ApprovalDetailSchema, ...errors },
        },
      },
      async (request, reply) => {
        const detail = await approvalDetail(selection, callerOf(request), request.params.id);
        if (request.query.format === "json") return detail;
        return sendReport(
          reply as FastifyReply,
          detail.report,
          request.query.format,
          request.query.lang ?? requestLocale(request),
        );
      },
    );

    r.post(
      "/api/v1/selection-approvals/:id/decision",
      {
        config: { access: policy.approvers },
        schema: {
          tags,
          summary: "Approve or reject the procedure and its PV, with remarks",
          params: IdParams,
          body: DecideApprovalSchema,
          response: { 200: ApprovalDetailSchema, ...errors },
        },
      },
      async (request) =>
        decideApproval(
          selection,
          callerOf(request),
          request.params.id,
          request.body,
          requestMessageLocale(request),
        ),
    );
  });
}
