import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ErrorResponseSchema } from "../../../contracts/common";
import {
  OccupationDetailResponseSchema,
  OccupationSearchQuerySchema,
  OccupationSearchResponseSchema,
  PlaceSearchQuerySchema,
  PlaceSearchResponseSchema,
  ReferenceListsResponseSchema,
} from "../../../contracts/reference";
import { AppError } from "../../platform/errors";
import { requestLocale } from "../../platform/i18n";
import * as ref from "./reference-data";

/** Reference data is public: the candidate side needs it before anyone signs in. */
export async function registerTaxonomy(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/v1/reference/places",
    {
      config: { access: "public" },
      schema: {
        tags: ["reference"],
        summary: "Search Dutch and Belgian places (accent- and case-insensitive)",
        querystring: PlaceSearchQuerySchema,
        response: { 200: PlaceSearchResponseSchema, 400: ErrorResponseSchema },
      },
    },
    async (request) => {
      const { q, limit, country } = request.query;
      return { places: ref.searchPlaces(q, { limit, ...(country ? { country } : {}) }) };
    },
  );

  r.get(
    "/api/v1/reference/occupations",
    {
      config: { access: "public" },
      schema: {
        tags: ["reference"],
        summary: "Search occupations by label or synonym, in Dutch or English",
        querystring: OccupationSearchQuerySchema,
        response: { 200: OccupationSearchResponseSchema, 400: ErrorResponseSchema },
      },
    },
    async (request) => {
      const hits = ref.searchOccupations(request.query.q, {
        limit: request.query.limit,
        locale: requestLocale(request),
      });
      return { occupations: hits.map((hit) => ({ occupation: hit.occupation, matched: hit.matched })) };
    },
  );

  r.get(
    "/api/v1/reference/occupations/:id",
    {
      config: { access: "public" },
      schema: {
        tags: ["reference"],
        summary: "One occupation with its related occupations",
        params: z.object({ id: z.string().min(1).max(40) }),
        response: { 200: OccupationDetailResponseSchema, 404: ErrorResponseSchema },
      },
    },
    async (request) => {
      const occupation = ref.getOccupation(request.params.id);
      if (!occupation) throw new AppError("not_found");
      return { occupation, related: ref.relatedOccupations(occupation.id) };
    },
  );

  r.get(
    "/api/v1/reference/lists",
    {
      config: { access: "public" },
      schema: {
        tags: ["reference"],
        summary: "The small reference lists used in profiles and filters",
        response: { 200: ReferenceListsResponseSchema },
      },
    },
    async (_request, reply) => {
      // Shipped with the release; browsers may keep it for an hour.
      reply.header("cache-control", "public, max-age=3600");
      return {
        workTypes: [...ref.getWorkTypes()],
        occupationGroups: [...ref.getOccupationGroups()],
        educationLevels: [...ref.getEducationLevels()],
        workLevels: [...ref.getWorkLevels()],
        drivingLicences: [...ref.getDrivingLicences()],
        languages: [...ref.getLanguages()],
        certificates: [...ref.getCertificates()],
        physicalCapacities: [...ref.getPhysicalCapacities()],
        targetGroups: [...ref.getTargetGroups()],
        transportModes: [...ref.getTransportModes()],
        dayparts: [...ref.getDays(), ...ref.getDayparts()],
      };
    },
  );
}
