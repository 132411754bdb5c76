import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ConfirmReferralRequestSchema,
  CreateReferralRequestSchema,
  MyPointsResponseSchema,
  MyReferralListResponseSchema,
  MyReferralResponseSchema,
  ReferrableVacancyListResponseSchema,
  ReferralInvitationResponseSchema,
} from "../../../contracts/referrals";
import { errorResponses } from "../../platform/http";
import { requestMessageLocale } from "../../platform/i18n";
import { callerOf } from "../tenancy";
import { confirmReferral, referralInvitation } from "./actions/confirm";
import type { ReferrerDeps } from "./actions/context";
import { myPoints, myReferral, myReferrals } from "./actions/my-referrals";
import { createReferral, referrableVacancies } from "./actions/refer";
import { referralsPolicy } from "./referrals.policy";

const errors = errorResponses(400, 401, 403, 404, 409);
const publicErrors = errorResponses(400, 404, 409, 410, 429);
const IdParams = z.object({ id: z.string().uuid() });
const TokenParams = z.object({ token: z.string().min(1).max(200) });

/**
 * The referrer's side under /api/v1/referrer (their organisation's open vacancies, referring,
 * their own referrals and points) and the referred person's confirmation link under
 * /api/v1/public/referrals/:token.
 */
export async function registerReferrerRoutes(
  app: FastifyInstance,
  deps: { referrer: ReferrerDeps },
): Promise<void> {
  const referrer = deps.referrer;
  await app.register(async (scope) => {
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const config = { access: referralsPolicy.referrer };

    r.get(
      "/api/v1/referrer/vacancies",
      {
        config,
        schema: {
          tags: ["referrals"],
          summary:
            "Open vacancies of the referrer's organisation that take referrals, with the referrer's link",
          response: { 200: ReferrableVacancyListResponseSchema, ...errors },
        },
      },
      async (request) => ({ vacancies: await referrableVacancies(referrer, callerOf(request)) }),
    );

    r.post(
      "/api/v1/referrer/referrals",
      {
        config,
        schema: {
          tags: ["referrals"],
          summary: "Refer a person (with their consent); they get a mail to confirm their interest",
          body: CreateReferralRequestSchema,
          response: { 201: MyReferralResponseSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send({ referral: await createReferral(referrer, callerOf(request), request.body) }),
    );

    r.get(
      "/api/v1/referrer/referrals",
      {
        config,
        schema: {
          tags: ["referrals"],
          summary: "The people I referred, with their milestones (colour and date only) and points",
          response: { 200: MyReferralListResponseSchema, ...errors },
        },
      },
      async (request) => ({ referrals: await myReferrals(referrer, callerOf(request)) }),
    );

    r.get(
      "/api/v1/referrer/referrals/:id",
      {
        config,
        schema: {
          tags: ["referrals"],
          summary: "One person I referred",
          params: IdParams,
          response: { 200: MyReferralResponseSchema, ...errors },
        },
      },
      async (request) => ({ referral: await myReferral(referrer, callerOf(request), request.params.id) }),
    );

    r.get(
      "/api/v1/referrer/points",
      {
        config,
        schema: {
          tags: ["referrals"],
          summary: "My points: the balance and the ledger's lines (awards and reversals), newest first",
          response: { 200: MyPointsResponseSchema, ...errors },
        },
      },
      async (request) => myPoints(referrer, callerOf(request)),
    );

    r.get(
      "/api/v1/public/referrals/:token",
      {
        config: { access: "public" },
        schema: {
          tags: ["referrals"],
          summary: "What a referred person's confirmation link is about (vacancy, referrer, their details)",
          params: TokenParams,
          response: { 200: ReferralInvitationResponseSchema, ...publicErrors },
        },
      },
      async (request) => referralInvitation(referrer, request.params.token, request.ip),
    );

    r.post(
      "/api/v1/public/referrals/:token/confirm",
      {
        config: { access: "public" },
        schema: {
          tags: ["referrals"],
          summary: "The referred person confirms their interest and completes their details (single use)",
          params: TokenParams,
          body: ConfirmReferralRequestSchema,
          response: { 200: ReferralInvitationResponseSchema, ...publicErrors },
        },
      },
      async (request) =>
        confirmReferral(
          referrer,
          request.params.token,
          request.body,
          request.ip,
          requestMessageLocale(request),
        ),
    );
  });
}
