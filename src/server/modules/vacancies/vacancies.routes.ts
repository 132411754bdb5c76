import multipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  CreateVacancyRequestSchema,
  UpdateVacancyRequestSchema,
  VacancyHistoryResponseSchema,
  VacancyListQuerySchema,
  VacancyListResponseSchema,
  VacancyOptionsResponseSchema,
  VacancyResponseSchema,
  VacancySourcesResponseSchema,
  VacancyTransitionRequestSchema,
} from "../../../contracts/vacancies";
import { errorResponses } from "../../platform/http";
import { requestLocale as locale } from "../../platform/i18n";
import { acceptRawUploads } from "../../platform/uploads";
import { callerOf } from "../tenancy";
import type { VacancyDeps } from "./actions/context";
import { copyVacancy, createVacancy } from "./actions/create-vacancy";
import { getVacancy, listVacancies, vacancyHistory, vacancySources } from "./actions/read-vacancy";
import { removeVacancy } from "./actions/remove-vacancy";
import { transitionVacancy } from "./actions/transition-vacancy";
import { updateVacancy } from "./actions/update-vacancy";
import { vacancyOptions } from "./actions/vacancy-options";
import { registerCandidateVacancyRoutes } from "./candidate-vacancies.routes";
import { UPLOAD_MAX_BYTES, vacanciesPolicy } from "./vacancies.policy";
import { registerVacancyFileRoutes } from "./vacancy-files.routes";
import { registerVacancyTeamRoutes } from "./vacancy-team.routes";

const errors = errorResponses(400, 401, 403, 404, 409);
const IdParams = z.object({ id: z.string().uuid() });

export interface VacancyRouteDeps {
  vacancies: VacancyDeps;
}

/** Vacancies for staff (overview, form, life cycle, files) and for candidates (search, apply). */
export async function registerVacancyRoutes(app: FastifyInstance, deps: VacancyRouteDeps): Promise<void> {
  await app.register(async (scope) => {
    acceptRawUploads(scope, {
      maxBytes: UPLOAD_MAX_BYTES,
      tooLarge: (request) => ({
        path: request.url.includes("/applications") ? "cv" : "file",
        messageKey: "file_too_large",
      }),
    });
    await scope.register(multipart, {
      limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 5, fieldSize: 20_000 },
    });
    registerVacancyTeamRoutes(scope, deps.vacancies);
    registerStaffVacancyRoutes(scope, deps.vacancies);
    registerVacancyFileRoutes(scope, deps.vacancies);
    registerCandidateVacancyRoutes(scope, deps.vacancies);
  });
}

function registerStaffVacancyRoutes(scope: FastifyInstance, deps: VacancyDeps): void {
  const r = scope.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/v1/vacancies",
    {
      config: { access: vacanciesPolicy.staff },
      schema: {
        tags: ["vacancies"],
        summary: "The staff overview: search, filters (HalloWerk), sorting, pages of 20",
        querystring: VacancyListQuerySchema,
        response: { 200: VacancyListResponseSchema, ...errors },
      },
    },
    async (request) => listVacancies(deps, callerOf(request), request.query),
  );

  r.get(
    "/api/v1/vacancies/options",
    {
      config: { access: vacanciesPolicy.staff },
      schema: {
        tags: ["vacancies"],
        summary: "Employers, departments, contact persons, account managers and owners the form offers",
        querystring: z.object({ organisationId: z.string().uuid().optional() }),
        response: { 200: VacancyOptionsResponseSchema, ...errors },
      },
    },
    async (request) => vacancyOptions(deps, callerOf(request), request.query.organisationId),
  );

  r.post(
    "/api/v1/vacancies",
    {
      config: { access: vacanciesPolicy.staff },
      schema: {
        tags: ["vacancies"],
        summary: "Create a vacancy (a draft), or an HR officer's request for one",
        body: CreateVacancyRequestSchema,
        response: { 201: VacancyResponseSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        vacancy: await createVacancy(deps, callerOf(request), request.body, locale(request)),
      }),
  );

  r.get(
    "/api/v1/vacancies/:id",
    {
      config: { access: vacanciesPolicy.staff },
      schema: {
        tags: ["vacancies"],
        summary: "One vacancy with everything staff see, and what the caller may do with it",
        params: IdParams,
        response: { 200: VacancyResponseSchema, ...errors },
      },
    },
    async (request) => ({ vacancy: await getVacancy(deps, callerOf(request), request.params.id) }),
  );

  r.patch(
    "/api/v1/vacancies/:id",
    {
      config: { access: vacanciesPolicy.staff },
      schema: {
        tags: ["vacancies"],
        summary: "Change a vacancy (only the fields sent); every change goes into its history",
        params: IdParams,
        body: UpdateVacancyRequestSchema,
        response: { 200: VacancyResponseSchema, ...errors },
      },
    },
    async (request) => ({
      vacancy: await updateVacancy(deps, callerOf(request), request.params.id, request.body, locale(request)),
    }),
  );

  r.post(
    "/api/v1/vacancies/:id/transitions",
    {
      config: { access: vacanciesPolicy.staff },
      schema: {
        tags: ["vacancies"],
        summary:
          "Publish, withdraw, close, archive, reactivate; approve or reject a request (with a comment)",
        params: IdParams,
        body: VacancyTransitionRequestSchema,
        response: { 200: VacancyResponseSchema, ...errors },
      },
    },
    async (request) => ({
      vacancy: await transitionVacancy(
        deps,
        callerOf(request),
        request.params.id,
        request.body.action,
        request.body.comment,
        locale(request),
      ),
    }),
  );

  r.post(
    "/api/v1/vacancies/:id/copy",
    {
      config: { access: vacanciesPolicy.staff },
      schema: {
        tags: ["vacancies"],
        summary: "Copy a vacancy into a new draft (then edit it)",
        params: IdParams,
        response: { 201: VacancyResponseSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ vacancy: await copyVacancy(deps, callerOf(request), request.params.id) }),
  );

  r.delete(
    "/api/v1/vacancies/:id",
    {
      config: { access: vacanciesPolicy.staff },
      schema: {
        tags: ["vacancies"],
        summary: "Delete a draft or archived vacancy for good; needs ?confirm=true",
        params: IdParams,
        querystring: z.object({ confirm: z.enum(["true", "false"]).optional() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await removeVacancy(deps, callerOf(request), request.params.id, request.query.confirm === "true");
      return reply.code(204).send(null);
    },
  );

  r.get(
    "/api/v1/vacancies/:id/history",
    {
      config: { access: vacanciesPolicy.staff },
      schema: {
        tags: ["vacancies"],
        summary: "Every change to the vacancy: who, when, what and why",
        params: IdParams,
        response: { 200: VacancyHistoryResponseSchema, ...errors },
      },
    },
    async (request) => ({ history: await vacancyHistory(deps, callerOf(request), request.params.id) }),
  );

  r.get(
    "/api/v1/vacancies/:id/sources",
    {
      config: { access: vacanciesPolicy.staff },
      schema: {
        tags: ["vacancies"],
        summary: "Views and applications per source (job sites, newsletters, the board itself)",
        params: IdParams,
        response: { 200: VacancySourcesResponseSchema, ...errors },
      },
    },
    async (request) => ({ sources: await vacancySources(deps, callerOf(request), request.params.id) }),
  );
}
