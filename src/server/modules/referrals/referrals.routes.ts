import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ReadReferralNoticesRequestSchema,
  ReadReferralNoticesResponseSchema,
  RecordOutcomeRequestSchema,
  ReferralDetailResponseSchema,
  ReferralListQuerySchema,
  ReferralListResponseSchema,
  ReferralNoticeSettingSchema,
  ReferralReachResponseSchema,
  ReferralSettingsQuerySchema,
  ReferralSettingsResponseSchema,
  ReferralStatsQuerySchema,
  ReferralStatsResponseSchema,
  UpdateReferralNoticeSettingRequestSchema,
  UpdateReferralSettingsRequestSchema,
} from "../../../contracts/referrals";
import { errorResponses } from "../../platform/http";
import { callerOf } from "../tenancy";
import { todayIn } from "../vacancies";
import type { ReferralDeps } from "./actions/context";
import { getReferralSettings, referralStats, updateReferralSettings } from "./actions/results";
import {
  getReferral,
  listReferrals,
  readReferralNotices,
  recordOutcome,
  referralNoticeSetting,
  referralReach,
  setReferralNoticeSetting,
  undoOutcome,
} from "./actions/staff";
import { referralsPolicy } from "./referrals.policy";

const errors = errorResponses(400, 401, 403, 404, 409);
const IdParams = z.object({ id: z.string().uuid() });
const MilestoneParams = z.object({ id: z.string().uuid(), phaseId: z.string().uuid() });

export interface ReferralRouteDeps {
  referrals: ReferralDeps;
}

/**
 * The organisation's side of the referral portal under /api/v1/referrals: the referred
 * candidates ("kandidaten"), their milestones, results and the settings.
 */
export async function registerReferralRoutes(app: FastifyInstance, deps: ReferralRouteDeps): Promise<void> {
  const referrals = deps.referrals;
  await app.register(async (scope) => {
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const staff = { access: referralsPolicy.staff };

    r.get(
      "/api/v1/referrals",
      {
        config: staff,
        schema: {
          tags: ["referrals"],
          summary:
            "The referred candidates, live or archived, filtered, sorted and paged, with the filters' choices",
          querystring: ReferralListQuerySchema,
          response: { 200: ReferralListResponseSchema, ...errors },
        },
      },
      async (request) => listReferrals(referrals, callerOf(request), request.query),
    );

    r.get(
      "/api/v1/referrals/reach",
      {
        config: { access: "signed-in" },
        schema: {
          tags: ["referrals"],
          summary: "Whether the caller works with referred candidates, and their unread notices of new ones",
          response: { 200: ReferralReachResponseSchema, ...errors },
        },
      },
      async (request) => referralReach(referrals, callerOf(request)),
    );

    r.post(
      "/api/v1/referrals/notices/read",
      {
        config: { access: "signed-in" },
        schema: {
          tags: ["referrals"],
          summary: "Mark my notices of new referred candidates, or of my referrals' progress, read",
          body: ReadReferralNoticesRequestSchema,
          response: { 200: ReadReferralNoticesResponseSchema, ...errors },
        },
      },
      async (request) => ({
        read: await readReferralNotices(referrals, callerOf(request), request.body.kind),
      }),
    );

    r.get(
      "/api/v1/referrals/vacancies/:id/notify",
      {
        config: staff,
        schema: {
          tags: ["referrals"],
          summary: "Whether the vacancy's owner hears of every newly referred candidate",
          params: IdParams,
          response: { 200: ReferralNoticeSettingSchema, ...errors },
        },
      },
      async (request) => referralNoticeSetting(referrals, callerOf(request), request.params.id),
    );

    r.put(
      "/api/v1/referrals/vacancies/:id/notify",
      {
        config: staff,
        schema: {
          tags: ["referrals"],
          summary: "Choose whether the vacancy's owner hears of every newly referred candidate",
          params: IdParams,
          body: UpdateReferralNoticeSettingRequestSchema,
          response: { 200: ReferralNoticeSettingSchema, ...errors },
        },
      },
      async (request) =>
        setReferralNoticeSetting(referrals, callerOf(request), request.params.id, request.body.notify),
    );

    r.get(
      "/api/v1/referrals/stats",
      {
        config: staff,
        schema: {
          tags: ["referrals"],
          summary: "The referrers' leaderboard and referrals and hires per month, per site and period",
          querystring: ReferralStatsQuerySchema,
          response: { 200: ReferralStatsResponseSchema, ...errors },
        },
      },
      async (request) => referralStats(referrals, callerOf(request), request.query, todayIn()),
    );

    r.get(
      "/api/v1/referrals/settings",
      {
        config: staff,
        schema: {
          tags: ["referrals"],
          summary: "The organisation's referral milestones with their outcomes and points",
          querystring: ReferralSettingsQuerySchema,
          response: { 200: ReferralSettingsResponseSchema, ...errors },
        },
      },
      async (request) => ({
        settings: await getReferralSettings(referrals, callerOf(request), request.query.organisationId),
      }),
    );

    r.put(
      "/api/v1/referrals/settings",
      {
        config: staff,
        schema: {
          tags: ["referrals"],
          summary: "Rename, add, reorder and remove milestones and set their points (the whole list)",
          body: UpdateReferralSettingsRequestSchema,
          response: { 200: ReferralSettingsResponseSchema, ...errors },
        },
      },
      async (request) => ({
        settings: await updateReferralSettings(referrals, callerOf(request), request.body),
      }),
    );

    r.get(
      "/api/v1/referrals/:id",
      {
        config: staff,
        schema: {
          tags: ["referrals"],
          summary: "One referred candidate: contact details, distance to the work, milestones",
          params: IdParams,
          response: { 200: ReferralDetailResponseSchema, ...errors },
        },
      },
      async (request) => ({ referral: await getReferral(referrals, callerOf(request), request.params.id) }),
    );

    r.post(
      "/api/v1/referrals/:id/milestones/:phaseId/outcome",
      {
        config: staff,
        schema: {
          tags: ["referrals"],
          summary:
            "Give the open milestone an outcome: green opens the next, orange keeps it open, red archives",
          params: MilestoneParams,
          body: RecordOutcomeRequestSchema,
          response: { 200: ReferralDetailResponseSchema, ...errors },
        },
      },
      async (request) => ({
        referral: await recordOutcome(
          referrals,
          callerOf(request),
          request.params.id,
          request.params.phaseId,
          request.body,
        ),
      }),
    );

    r.post(
      "/api/v1/referrals/:id/milestones/:phaseId/undo",
      {
        config: staff,
        schema: {
          tags: ["referrals"],
          summary: "Undo the milestone's outcome when it was the last one given (also out of the archive)",
          params: MilestoneParams,
          response: { 200: ReferralDetailResponseSchema, ...errors },
        },
      },
      async (request) => ({
        referral: await undoOutcome(referrals, callerOf(request), request.params.id, request.params.phaseId),
      }),
    );
  });
}
