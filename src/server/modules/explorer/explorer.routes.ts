import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ExplorerSearchRequestSchema,
  ExplorerSearchResponseSchema,
  RecogniseQuerySchema,
  RecogniseResponseSchema,
  SuggestQuerySchema,
  SuggestResponseSchema,
  VacancyMatchesResponseSchema,
  VacancySearchResponseSchema,
} from "../../../contracts/explorer";
import { errorResponses } from "../../platform/http";
import { requestLocale } from "../../platform/i18n";
import { callerOf } from "../tenancy";
import { explorerPolicy } from "./explorer.policy";
import type { ExplorerService } from "./explorer.service";

const errors = errorResponses(400, 401, 403, 404);

/** The candidate explorer: for the staff who look at candidates (decision 0011). */
export async function registerExplorerRoutes(app: FastifyInstance, deps: { explorer: ExplorerService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { explorer } = deps;
  const access = { access: explorerPolicy.staff };

  r.get(
    "/api/v1/explorer/suggest",
    {
      config: access,
      schema: {
        tags: ["explorer"],
        summary: "Suggestions as you type: occupations, groups, levels, languages, licences and more",
        querystring: SuggestQuerySchema,
        response: { 200: SuggestResponseSchema, ...errors },
      },
    },
    async (request) => explorer.suggest(request.query.q, requestLocale(request)),
  );

  r.get(
    "/api/v1/explorer/recognise",
    {
      config: access,
      schema: {
        tags: ["explorer"],
        summary:
          "A whole typed sentence split: the recognised parts as chips (in the order typed), the other words as free text",
        querystring: RecogniseQuerySchema,
        response: { 200: RecogniseResponseSchema, ...errors },
      },
    },
    async (request) => explorer.recognise(request.query.q, requestLocale(request)),
  );

  r.post(
    "/api/v1/explorer/search",
    {
      config: access,
      schema: {
        tags: ["explorer"],
        summary:
          "Search the candidates visible on this portal: chips, free text, place and radius, filters; best match first, with facet counts",
        body: ExplorerSearchRequestSchema,
        response: { 200: ExplorerSearchResponseSchema, ...errors },
      },
    },
    async (request) => explorer.search(callerOf(request), request.body, requestLocale(request)),
  );

  r.get(
    "/api/v1/explorer/from-vacancy/:vacancyId",
    {
      config: access,
      schema: {
        tags: ["explorer"],
        summary:
          '"Zoek kandidaten" from a vacancy: the search it starts with (occupation, group, level, place)',
        params: z.object({ vacancyId: z.string().uuid() }),
        response: { 200: VacancySearchResponseSchema, ...errors },
      },
    },
    async (request) =>
      explorer.fromVacancy(callerOf(request), request.params.vacancyId, requestLocale(request)),
  );

  r.get(
    "/api/v1/explorer/candidates/:id/vacancies",
    {
      config: access,
      schema: {
        tags: ["explorer"],
        summary: "The open vacancies that fit this candidate best (for account managers)",
        params: z.object({ id: z.string().uuid() }),
        response: { 200: VacancyMatchesResponseSchema, ...errors },
      },
    },
    async (request) => explorer.vacanciesFor(callerOf(request), request.params.id, requestLocale(request)),
  );
}
