import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  BulkApproveRequestSchema,
  BulkApproveResponseSchema,
  CreatePlacementRequestSchema,
  MyPlacementsResponseSchema,
  PlacementDetailResponseSchema,
  PlacementListQuerySchema,
  PlacementListResponseSchema,
  PlacementOptionsResponseSchema,
  PlacementResponseSchema,
  SaveTimesheetRequestSchema,
  TimesheetDecisionRequestSchema,
  TimesheetExportQuerySchema,
  TimesheetListQuerySchema,
  TimesheetListResponseSchema,
  TimesheetMailPreferenceSchema,
  TimesheetResponseSchema,
  UpdatePlacementRequestSchema,
  WeekStartSchema,
} from "../../../contracts/placements";
import { errorResponses } from "../../platform/http";
import { requestLocale, requestMessageLocale } from "../../platform/i18n";
import { sendDownload } from "../../platform/uploads";
import { callerOf } from "../tenancy";
import { exportApprovedHours, setuTimecard } from "./actions/exports";
import {
  createPlacement,
  listPlacements,
  type PlacementDeps,
  placementDetail,
  placementOptions,
  updatePlacement,
} from "./actions/placements";
import {
  approveTimesheets,
  decideTimesheet,
  listTimesheets,
  mailPreference,
  myPlacements,
  myWeek,
  saveMyWeek,
  setMailPreference,
  timesheet,
} from "./actions/timesheets";
import { placementsPolicy } from "./placements.policy";

const errors = errorResponses(400, 401, 403, 404, 409);
const IdParams = z.object({ id: z.string().uuid() });
const WeekParams = z.object({ placementId: z.string().uuid(), weekStart: WeekStartSchema });

export interface PlacementRouteDeps {
  placements: PlacementDeps;
}

/** Placements (recruiters), weeks of hours (candidates), approval (contacts) and exports. */
export async function registerPlacementRoutes(
  app: FastifyInstance,
  { placements: deps }: PlacementRouteDeps,
) {
  await app.register(async (scope) => {
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const recruiter = { access: placementsPolicy.recruiter };
    const candidate = { access: placementsPolicy.candidate };
    const approver = { access: placementsPolicy.approver };

    // --- Recruiters ---------------------------------------------------------------------------
    r.get(
      "/api/v1/placements",
      {
        config: recruiter,
        schema: {
          tags: ["placements"],
          summary: "The team's placements, filtered by state (active, upcoming, ended), employer and name",
          querystring: PlacementListQuerySchema,
          response: { 200: PlacementListResponseSchema, ...errors },
        },
      },
      async (request) => listPlacements(deps, callerOf(request), request.query),
    );

    r.post(
      "/api/v1/placements",
      {
        config: recruiter,
        schema: {
          tags: ["placements"],
          summary: "Records the placement of a hired match: approvers, dates, client approval, rate",
          body: CreatePlacementRequestSchema,
          response: { 201: PlacementResponseSchema, ...errors },
        },
      },
      async (request, reply) => {
        const placement = await createPlacement(
          deps,
          callerOf(request),
          request.body,
          requestMessageLocale(request),
        );
        return reply.status(201).send({ placement });
      },
    );

    r.get(
      "/api/v1/placements/export",
      {
        config: recruiter,
        schema: {
          tags: ["placements"],
          summary:
            "Approved hours per placement and week in a period, as xlsx or CSV for payroll and invoicing",
          querystring: TimesheetExportQuerySchema,
          response: { ...errors },
        },
      },
      async (request, reply) =>
        sendDownload(
          reply,
          await exportApprovedHours(
            deps,
            callerOf(request),
            request.query,
            request.query.lang ?? requestLocale(request),
            requestMessageLocale(request),
          ),
        ),
    );

    r.get(
      "/api/v1/placements/:id",
      {
        config: recruiter,
        schema: {
          tags: ["placements"],
          summary: "One placement with all its weeks and their totals",
          params: IdParams,
          response: { 200: PlacementDetailResponseSchema, ...errors },
        },
      },
      async (request) => placementDetail(deps, callerOf(request), request.params.id),
    );

    r.patch(
      "/api/v1/placements/:id",
      {
        config: recruiter,
        schema: {
          tags: ["placements"],
          summary: "Changes a placement's dates (e.g. ending it), approvers, approval or rate",
          params: IdParams,
          body: UpdatePlacementRequestSchema,
          response: { 200: PlacementResponseSchema, ...errors },
        },
      },
      async (request) => ({
        placement: await updatePlacement(
          deps,
          callerOf(request),
          request.params.id,
          request.body,
          requestMessageLocale(request),
        ),
      }),
    );

    r.get(
      "/api/v1/matches/:id/placement",
      {
        config: recruiter,
        schema: {
          tags: ["placements"],
          summary:
            "What recording this match's placement needs: whether it may, the approvers, the existing one",
          params: IdParams,
          response: { 200: PlacementOptionsResponseSchema, ...errors },
        },
      },
      async (request) => placementOptions(deps, callerOf(request), request.params.id),
    );

    r.get(
      "/api/v1/timesheets/:id/setu",
      {
        config: recruiter,
        schema: {
          tags: ["placements"],
          summary: "An approved week as a SETU Timecard (v2) XML document",
          params: IdParams,
          response: { ...errors },
        },
      },
      async (request, reply) =>
        sendDownload(reply, await setuTimecard(deps, callerOf(request), request.params.id)),
    );

    // --- The placed candidate -----------------------------------------------------------------
    r.get(
      "/api/v1/my/placements",
      {
        config: candidate,
        schema: {
          tags: ["placements"],
          summary: "The candidate's placements, each with its weeks from the start up to this week",
          response: { 200: MyPlacementsResponseSchema, ...errors },
        },
      },
      async (request) => myPlacements(deps, callerOf(request)),
    );

    r.get(
      "/api/v1/my/placements/:placementId/weeks/:weekStart",
      {
        config: candidate,
        schema: {
          tags: ["placements"],
          summary: "One week of the candidate's placement (empty when not saved yet)",
          params: WeekParams,
          response: { 200: TimesheetResponseSchema, ...errors },
        },
      },
      async (request) => ({
        timesheet: await myWeek(
          deps,
          callerOf(request),
          request.params.placementId,
          request.params.weekStart,
          requestMessageLocale(request),
        ),
      }),
    );

    const weekSchema = (summary: string) => ({
      tags: ["placements"],
      summary,
      params: WeekParams,
      body: SaveTimesheetRequestSchema,
      response: { 200: TimesheetResponseSchema, ...errors },
    });

    r.put(
      "/api/v1/my/placements/:placementId/weeks/:weekStart",
      { config: candidate, schema: weekSchema("Saves the week's hours and remark as a draft") },
      async (request) => ({
        timesheet: await saveMyWeek(
          deps,
          callerOf(request),
          request.params.placementId,
          request.params.weekStart,
          request.body,
          { submit: false, locale: requestMessageLocale(request) },
        ),
      }),
    );

    r.post(
      "/api/v1/my/placements/:placementId/weeks/:weekStart/submit",
      {
        config: candidate,
        schema: weekSchema(
          "Saves and submits the week ('Versturen'): status submitted, the approvers are told",
        ),
      },
      async (request) => ({
        timesheet: await saveMyWeek(
          deps,
          callerOf(request),
          request.params.placementId,
          request.params.weekStart,
          request.body,
          { submit: true, locale: requestMessageLocale(request) },
        ),
      }),
    );

    // --- Contacts and recruiters deciding ------------------------------------------------------
    r.get(
      "/api/v1/timesheets",
      {
        config: approver,
        schema: {
          tags: ["placements"],
          summary: "Weeks waiting for the caller's decision, or those decided",
          querystring: TimesheetListQuerySchema,
          response: { 200: TimesheetListResponseSchema, ...errors },
        },
      },
      async (request) => listTimesheets(deps, callerOf(request), request.query.status),
    );

    r.get(
      "/api/v1/timesheets/mail-preference",
      {
        config: { access: placementsPolicy.contact },
        schema: {
          tags: ["placements"],
          summary: "How the contact hears of submitted weeks: a mail each, or a daily digest",
          response: { 200: TimesheetMailPreferenceSchema, ...errors },
        },
      },
      async (request) => mailPreference(deps, callerOf(request)),
    );

    r.put(
      "/api/v1/timesheets/mail-preference",
      {
        config: { access: placementsPolicy.contact },
        schema: {
          tags: ["placements"],
          summary: "Chooses a mail per submitted week or a daily digest",
          body: TimesheetMailPreferenceSchema,
          response: { 200: TimesheetMailPreferenceSchema, ...errors },
        },
      },
      async (request) => setMailPreference(deps, callerOf(request), request.body),
    );

    r.post(
      "/api/v1/timesheets/approve",
      {
        config: approver,
        schema: {
          tags: ["placements"],
          summary: "Approves several submitted weeks at once (all or none)",
          body: BulkApproveRequestSchema,
          response: { 200: BulkApproveResponseSchema, ...errors },
        },
      },
      async (request) => approveTimesheets(deps, callerOf(request), request.body),
    );

    r.get(
      "/api/v1/timesheets/:id",
      {
        config: { access: placementsPolicy.reader },
        schema: {
          tags: ["placements"],
          summary: "One week: days, hours, remark, status and the approval log",
          params: IdParams,
          response: { 200: TimesheetResponseSchema, ...errors },
        },
      },
      async (request) => ({ timesheet: await timesheet(deps, callerOf(request), request.params.id) }),
    );

    r.post(
      "/api/v1/timesheets/:id/decision",
      {
        config: approver,
        schema: {
          tags: ["placements"],
          summary: "Approves or rejects a submitted week (a comment is required to reject)",
          params: IdParams,
          body: TimesheetDecisionRequestSchema,
          response: { 200: TimesheetResponseSchema, ...errors },
        },
      },
      async (request) => ({
        timesheet: await decideTimesheet(deps, callerOf(request), request.params.id, request.body),
      }),
    );
  });
}
