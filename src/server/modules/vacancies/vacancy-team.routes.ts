import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  InvolvedVacanciesResponseSchema,
  PutVacancyTeamRequestSchema,
  VacancyTeamOptionsSchema,
  VacancyTeamSchema,
} from "../../../contracts/vacancy-team";
import { errorResponses } from "../../platform/http";
import { requestLocale as locale } from "../../platform/i18n";
import { callerOf } from "../tenancy";
import type { VacancyDeps } from "./actions/context";
import {
  INVOLVED_ROLES,
  involvedVacancies,
  putVacancyTeam,
  vacancyTeam,
  vacancyTeamOptions,
} from "./actions/vacancy-team";
import { vacanciesPolicy } from "./vacancies.policy";

const errors = errorResponses(400, 401, 403, 404);
const IdParams = z.object({ id: z.string().uuid() });

/** A vacancy's team (owner, co-owners, HR, leader, jury) and the leader's and jury's vacancies. */
export function registerVacancyTeamRoutes(scope: FastifyInstance, deps: VacancyDeps): void {
  const r = scope.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/v1/vacancies/involved",
    {
      config: { access: { roles: INVOLVED_ROLES } },
      schema: {
        tags: ["vacancies"],
        summary: "Leader and jury: the vacancies they are on that have applicants, with counts per phase",
        response: { 200: InvolvedVacanciesResponseSchema, ...errors },
      },
    },
    async (request) => involvedVacancies(deps, callerOf(request), locale(request)),
  );

  r.get(
    "/api/v1/vacancies/:id/team",
    {
      config: { access: vacanciesPolicy.staff },
      schema: {
        tags: ["vacancies"],
        summary: "The vacancy's primary owner, co-owners, HR officer, leader and jury members",
        params: IdParams,
        response: { 200: VacancyTeamSchema, ...errors },
      },
    },
    async (request) => vacancyTeam(deps, callerOf(request), request.params.id),
  );

  r.get(
    "/api/v1/vacancies/:id/team/options",
    {
      config: { access: vacanciesPolicy.staff },
      schema: {
        tags: ["vacancies"],
        summary: "Who may be chosen for each place on the team (people of the organisation family)",
        params: IdParams,
        response: { 200: VacancyTeamOptionsSchema, ...errors },
      },
    },
    async (request) => vacancyTeamOptions(deps, callerOf(request), request.params.id),
  );

  r.put(
    "/api/v1/vacancies/:id/team",
    {
      config: { access: vacanciesPolicy.staff },
      schema: {
        tags: ["vacancies"],
        summary: "Sets the owner (hands the vacancy over) and the team in one step",
        params: IdParams,
        body: PutVacancyTeamRequestSchema,
        response: { 200: VacancyTeamSchema, ...errors },
      },
    },
    async (request) =>
      putVacancyTeam(deps, callerOf(request), request.params.id, request.body, locale(request)),
  );
}
