import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  CandidateVacancyDetailResponseSchema,
  CandidateVacancyListResponseSchema,
  CandidateVacancyQuerySchema,
} from "../../../contracts/vacancies";
import { errorResponses } from "../../platform/http";
import { callerOf } from "../tenancy";
import { candidateVacancies, candidateVacancy } from "./actions/candidate-vacancies";
import type { VacancyDeps } from "./actions/context";
import { vacanciesPolicy } from "./vacancies.policy";

const errors = errorResponses(400, 401, 403, 404, 409);
const IdParams = z.object({ id: z.string().uuid() });
export const SourceSchema = z
  .string()
  .regex(/^[a-z0-9._-]{1,60}$/i)
  .optional()
  .catch(undefined);

/** The candidate side: the vacancies a person looking for work can see. */
export function registerCandidateVacancyRoutes(scope: FastifyInstance, deps: VacancyDeps): void {
  const r = scope.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/v1/vacancies/for-candidate",
    {
      config: { access: vacanciesPolicy.candidate },
      schema: {
        tags: ["vacancies"],
        summary:
          "Vacancies this candidate can see (own organisation, own portal, all portals, public), searchable",
        querystring: CandidateVacancyQuerySchema,
        response: { 200: CandidateVacancyListResponseSchema, ...errors },
      },
    },
    async (request) =>
      candidateVacancies(deps, callerOf(request), request.query, request.portal?.row.id ?? null),
  );

  r.get(
    "/api/v1/vacancies/for-candidate/:id",
    {
      config: { access: vacanciesPolicy.candidate },
      schema: {
        tags: ["vacancies"],
        summary: "A vacancy as the candidate sees it, and whether they responded",
        params: IdParams,
        querystring: z.object({ utm_source: SourceSchema }),
        response: { 200: CandidateVacancyDetailResponseSchema, ...errors },
      },
    },
    async (request) => ({
      vacancy: await candidateVacancy(
        deps,
        callerOf(request),
        request.params.id,
        request.query.utm_source?.toLowerCase() ?? "app",
      ),
    }),
  );
}
