import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { IntakeRequestSchema, IntakeStatusSchema } from "../../../contracts/candidates";
import { ErrorResponseSchema } from "../../../contracts/common";
import { requestLocale } from "../../platform/i18n";
import { callerOf } from "../tenancy";
import { hostOf } from "./actions/context";
import { candidatesPolicy } from "./candidates.policy";
import type { IntakeService } from "./intake.service";

const errors = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
};

export async function registerIntakeRoutes(app: FastifyInstance, deps: { intake: IntakeService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/v1/candidates/me/intake",
    {
      config: { access: candidatesPolicy.candidate },
      schema: {
        tags: ["candidates"],
        summary:
          "What this portal asks of candidates before its candidate side can be used, and what is missing",
        response: { 200: IntakeStatusSchema, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      return deps.intake.get(caller, hostOf(caller));
    },
  );
  r.put(
    "/api/v1/candidates/me/intake",
    {
      config: { access: candidatesPolicy.candidate },
      schema: {
        tags: ["candidates"],
        summary: "Answer this portal's questions (joins the portal as a candidate when needed)",
        body: IntakeRequestSchema,
        response: { 200: IntakeStatusSchema, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      return deps.intake.answer(caller, hostOf(caller), request.body, requestLocale(request));
    },
  );
}
