import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  CreateSiteRequestSchema,
  ManagedSiteOrganisationsResponseSchema,
  SetSiteStaffRequestSchema,
  SiteListQuerySchema,
  SiteListResponseSchema,
  SiteResponseSchema,
  UpdateSiteRequestSchema,
} from "../../../contracts/sites";
import { errorResponses } from "../../platform/http";
import { requestMessageLocale } from "../../platform/i18n";
import { callerOf } from "../tenancy";
import {
  createSite,
  listSites,
  managedOrganisations,
  type SitesDeps,
  setSiteActive,
  setSiteStaff,
  updateSite,
} from "./actions/sites";
import { sitesPolicy } from "./sites.policy";

const errors = errorResponses(400, 401, 403, 404, 409);
const OrganisationParams = z.object({ organisationId: z.string().uuid() });
const SiteParams = z.object({ organisationId: z.string().uuid(), siteId: z.string().uuid() });

/** An organisation's sites ("Locaties") under /api/v1/organisations/:organisationId/sites. */
export async function registerSiteRoutes(app: FastifyInstance, deps: { sites: SitesDeps }): Promise<void> {
  const sites = deps.sites;
  await app.register(async (scope) => {
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const config = { access: sitesPolicy.staff };
    const tags = ["sites"];

    r.get(
      "/api/v1/sites/organisations",
      {
        config,
        schema: {
          tags,
          summary: "The organisations whose sites I manage, with their number of active sites",
          response: { 200: ManagedSiteOrganisationsResponseSchema, ...errors },
        },
      },
      async (request) => managedOrganisations(sites, callerOf(request)),
    );

    r.get(
      "/api/v1/organisations/:organisationId/sites",
      {
        config,
        schema: {
          tags,
          summary: "An organisation's sites with the staff limited to each, and its staff to choose from",
          params: OrganisationParams,
          querystring: SiteListQuerySchema,
          response: { 200: SiteListResponseSchema, ...errors },
        },
      },
      async (request) =>
        listSites(
          sites,
          callerOf(request),
          request.params.organisationId,
          request.query.includeInactive === "true",
        ),
    );

    r.post(
      "/api/v1/organisations/:organisationId/sites",
      {
        config,
        schema: {
          tags,
          summary: "Add a site (name and address; the place gives its coordinates)",
          params: OrganisationParams,
          body: CreateSiteRequestSchema,
          response: { 201: SiteResponseSchema, ...errors },
        },
      },
      async (request, reply) => {
        const site = await createSite(
          sites,
          callerOf(request),
          request.params.organisationId,
          request.body,
          requestMessageLocale(request),
        );
        return reply.code(201).send({ site });
      },
    );

    r.patch(
      "/api/v1/organisations/:organisationId/sites/:siteId",
      {
        config,
        schema: {
          tags,
          summary: "Change a site's name or address",
          params: SiteParams,
          body: UpdateSiteRequestSchema,
          response: { 200: SiteResponseSchema, ...errors },
        },
      },
      async (request) => ({
        site: await updateSite(
          sites,
          callerOf(request),
          request.params.organisationId,
          request.params.siteId,
          request.body,
          requestMessageLocale(request),
        ),
      }),
    );

    for (const [action, active] of [
      ["deactivate", false],
      ["reactivate", true],
    ] as const) {
      r.post(
        `/api/v1/organisations/:organisationId/sites/:siteId/${action}`,
        {
          config,
          schema: {
            tags,
            summary: active
              ? "Reactivate a site: vacancies may choose it again"
              : "Deactivate a site: its vacancies keep it, new ones cannot choose it",
            params: SiteParams,
            response: { 200: SiteResponseSchema, ...errors },
          },
        },
        async (request) => ({
          site: await setSiteActive(
            sites,
            callerOf(request),
            request.params.organisationId,
            request.params.siteId,
            active,
          ),
        }),
      );
    }

    r.put(
      "/api/v1/organisations/:organisationId/sites/:siteId/staff",
      {
        config,
        schema: {
          tags,
          summary: "Set the staff limited to the site (they then work only with its vacancies)",
          params: SiteParams,
          body: SetSiteStaffRequestSchema,
          response: { 200: SiteResponseSchema, ...errors },
        },
      },
      async (request) => ({
        site: await setSiteStaff(
          sites,
          callerOf(request),
          request.params.organisationId,
          request.params.siteId,
          request.body,
          requestMessageLocale(request),
        ),
      }),
    );
  });
}
