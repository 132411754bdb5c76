import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  CompleteSetupRequestSchema,
  CompleteSetupResponseSchema,
  SetupStatusResponseSchema,
  SetupTokenSchema,
} from "../../../contracts/setup";
import { errorResponses } from "../../platform/http";
import { requestMessageLocale } from "../../platform/i18n";
import { completeSetup, type FirstRunDeps, setupStatus } from "./first-run";
import { setupPolicy } from "./setup.policy";

const errors = errorResponses(400, 409, 410);

export async function registerSetupRoutes(app: FastifyInstance, deps: FirstRunDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/v1/setup",
    {
      config: { access: setupPolicy.useSetupLink },
      schema: {
        tags: ["setup"],
        summary: "Whether a first-run setup link still works (before showing its form)",
        querystring: z.object({ token: SetupTokenSchema }),
        response: { 200: SetupStatusResponseSchema, ...errors },
      },
    },
    async (request) => setupStatus(deps, request.query.token),
  );

  r.post(
    "/api/v1/setup",
    {
      config: { access: setupPolicy.useSetupLink },
      schema: {
        tags: ["setup"],
        summary: "Create the first platform administrator with the one-time setup link",
        body: CompleteSetupRequestSchema,
        response: { 201: CompleteSetupResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { email } = await completeSetup(deps, request.body, requestMessageLocale(request));
      return reply.code(201).send({ email, next: "sign-in" as const });
    },
  );
}
