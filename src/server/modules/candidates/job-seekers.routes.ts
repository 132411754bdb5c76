import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ClaimAccountRequestSchema,
  ClaimAccountResponseSchema,
  ClaimPreviewResponseSchema,
  RegisteredJobSeekerResponseSchema,
  RegisterJobSeekerRequestSchema,
} from "../../../contracts/candidates";
import { errorResponses } from "../../platform/http";
import { requestLocale } from "../../platform/i18n";
import { callerOf } from "../tenancy";
import { candidatesPolicy } from "./candidates.policy";
import type { JobSeekerService } from "./job-seekers.service";

const errors = errorResponses(400, 401, 403, 404, 409, 410);
const registerAccess = { access: candidatesPolicy.registerJobSeekers };

export async function registerJobSeekerRoutes(app: FastifyInstance, deps: { jobSeekers: JobSeekerService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { jobSeekers } = deps;

  r.post(
    "/api/v1/candidates",
    {
      config: registerAccess,
      schema: {
        tags: ["candidates"],
        summary:
          "Register a job seeker on this portal (account manager) and invite them to claim the account",
        body: RegisterJobSeekerRequestSchema,
        response: { 201: RegisteredJobSeekerResponseSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        jobSeeker: await jobSeekers.register(callerOf(request), request.body, requestLocale(request)),
      }),
  );

  r.post(
    "/api/v1/candidates/:id/claim-invitation",
    {
      config: registerAccess,
      schema: {
        tags: ["candidates"],
        summary: "Send a new link to claim the account (the previous one stops working)",
        params: z.object({ id: z.string().uuid() }),
        response: { 200: RegisteredJobSeekerResponseSchema, ...errors },
      },
    },
    async (request) => ({
      jobSeeker: await jobSeekers.resendClaim(callerOf(request), request.params.id),
    }),
  );

  r.get(
    "/api/v1/account-claims/preview",
    {
      config: { access: "public" },
      schema: {
        tags: ["candidates"],
        summary: "What a claim link is for (name, address, portal), before choosing a password",
        querystring: z.object({ token: z.string().min(20).max(200) }),
        response: { 200: ClaimPreviewResponseSchema, ...errors },
      },
    },
    async (request) => jobSeekers.preview(request.query.token),
  );

  r.post(
    "/api/v1/account-claims/accept",
    {
      config: { access: "public" },
      schema: {
        tags: ["candidates"],
        summary: "Claim the account with a password (single use)",
        body: ClaimAccountRequestSchema,
        response: { 200: ClaimAccountResponseSchema, ...errors },
      },
    },
    async (request) => jobSeekers.claim(request.body.token, request.body.password, requestLocale(request)),
  );
}
